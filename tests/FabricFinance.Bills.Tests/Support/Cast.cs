using System.Collections.Concurrent;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// The standard cast of the bill market: its MSPs, its parties (whose ids double as actor names) and
/// the identities that act for them, plus identities that act for no party.
/// </summary>
/// <remarks>
/// Institutions (exchange, regulator, banks) are registered without a subject: any client identity of
/// their MSP acts for them. Enterprises are registered with the subject of their one identity, under a
/// bank's MSP (CoreCorp, SupplierB) or under the peerless EnterpriseMSP (SupplierA, SupplierC, Dormant),
/// so deals cross MSP pairs. Identities are minted once per process and shared by every ledger.
/// </remarks>
public static class Cast
{
    public const string ExchangeMsp = "ExchangeMSP";
    public const string RegulatorMsp = "RegulatorMSP";
    public const string BankAMsp = "BankAMSP";
    public const string BankBMsp = "BankBMSP";
    public const string BankCMsp = "BankCMSP";
    public const string EnterpriseMsp = "EnterpriseMSP";
    public const string OutsiderMsp = "OutsiderMSP";

    /// <summary>The exchange (institution of ExchangeMSP).</summary>
    public const string Exchange = "Exchange";

    /// <summary>The regulator (institution of RegulatorMSP).</summary>
    public const string Regulator = "Regulator";

    /// <summary>A bank (institution of BankAMSP); the acceptor of the standard bill.</summary>
    public const string BankA = "BankA";

    /// <summary>A bank (institution of BankBMSP); a bystander bank in most tests.</summary>
    public const string BankB = "BankB";

    /// <summary>A bank (institution of BankCMSP); the discount buyer in most tests.</summary>
    public const string BankC = "BankC";

    /// <summary>An enterprise acting through BankAMSP's User3; the drawer of the standard bill.</summary>
    public const string CoreCorp = "CoreCorp";

    /// <summary>An enterprise acting through EnterpriseMSP's User1; the payee of the standard bill.</summary>
    public const string SupplierA = "SupplierA";

    /// <summary>An enterprise acting through BankBMSP's User3; the usual endorsee.</summary>
    public const string SupplierB = "SupplierB";

    /// <summary>An enterprise acting through EnterpriseMSP's User2; another identity of SupplierA's org.</summary>
    public const string SupplierC = "SupplierC";

    /// <summary>An enterprise acting through EnterpriseMSP's User9, suspended when the cast is registered.</summary>
    public const string Dormant = "Dormant";

    /// <summary>ExchangeMSP's admin (node OU admin): the only identity that may call InitLedger.</summary>
    public const string ExchangeAdmin = "ExchangeAdmin";

    /// <summary>ExchangeMSP's peer identity (node OU peer).</summary>
    public const string ExchangePeer = "ExchangePeer";

    /// <summary>BankAMSP's admin (node OU admin).</summary>
    public const string BankAAdmin = "BankAAdmin";

    /// <summary>Another client of BankAMSP with no party of its own: it acts for the institution BankA.</summary>
    public const string BankAStaff = "BankAStaff";

    /// <summary>A client of EnterpriseMSP with no party (EnterpriseMSP has no institution party): acts for no one.</summary>
    public const string Stranger = "Stranger";

    /// <summary>A client of an MSP the market does not know.</summary>
    public const string Outsider = "Outsider";

    private static readonly ConcurrentDictionary<string, TestIdentity> Minted = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, (string MspId, string CommonName, TestIdentityRole Role)> Specs = new(StringComparer.Ordinal)
    {
        [Exchange] = (ExchangeMsp, "User1@exchange.example.com", TestIdentityRole.Client),
        [Regulator] = (RegulatorMsp, "User1@regulator.example.com", TestIdentityRole.Client),
        [BankA] = (BankAMsp, "User1@banka.example.com", TestIdentityRole.Client),
        [BankB] = (BankBMsp, "User1@bankb.example.com", TestIdentityRole.Client),
        [BankC] = (BankCMsp, "User1@bankc.example.com", TestIdentityRole.Client),
        [CoreCorp] = (BankAMsp, "User3@banka.example.com", TestIdentityRole.Client),
        [SupplierA] = (EnterpriseMsp, "User1@enterprise.example.com", TestIdentityRole.Client),
        [SupplierB] = (BankBMsp, "User3@bankb.example.com", TestIdentityRole.Client),
        [SupplierC] = (EnterpriseMsp, "User2@enterprise.example.com", TestIdentityRole.Client),
        [Dormant] = (EnterpriseMsp, "User9@enterprise.example.com", TestIdentityRole.Client),
        [ExchangeAdmin] = (ExchangeMsp, "Admin@exchange.example.com", TestIdentityRole.Admin),
        [ExchangePeer] = (ExchangeMsp, "peer0.exchange.example.com", TestIdentityRole.Peer),
        [BankAAdmin] = (BankAMsp, "Admin@banka.example.com", TestIdentityRole.Admin),
        [BankAStaff] = (BankAMsp, "User2@banka.example.com", TestIdentityRole.Client),
        [Stranger] = (EnterpriseMsp, "User5@enterprise.example.com", TestIdentityRole.Client),
        [Outsider] = (OutsiderMsp, "User1@outsider.example.com", TestIdentityRole.Client),
    };

    /// <summary>Gets the MSPs whose parties trade with each other (sellers and buyers of deals).</summary>
    public static IReadOnlyList<string> TradingMsps { get; } = [BankAMsp, BankBMsp, BankCMsp, EnterpriseMsp];

    /// <summary>Gets the banks of the cast.</summary>
    public static IReadOnlyList<string> Banks { get; } = [BankA, BankB, BankC];

    /// <summary>Gets the active enterprises of the cast.</summary>
    public static IReadOnlyList<string> Enterprises { get; } = [CoreCorp, SupplierA, SupplierB, SupplierC];

    /// <summary>Gets every party the standard cast registers (InitLedger's two included), by id.</summary>
    public static IReadOnlyList<string> Parties { get; } = [Exchange, Regulator, BankA, BankB, BankC, CoreCorp, SupplierA, SupplierB, SupplierC, Dormant];

    /// <summary>Gets every actor with an identity, parties and identities without a party alike.</summary>
    public static IReadOnlyList<string> Actors { get; } = [.. Specs.Keys];

    /// <summary>Gets the ledger configuration InitLedger is called with.</summary>
    public static LedgerConfig Config { get; } = new(ExchangeMsp, new InstitutionInfo(Exchange, "Shanghai Commercial Paper Exchange"), RegulatorMsp, new InstitutionInfo(Regulator, "People's Bank of China"));

    /// <summary>Gets the registrations of the standard cast after InitLedger (Dormant is suspended afterwards).</summary>
    public static IReadOnlyList<PartyRegistration> Registrations { get; } =
    [
        new(BankA, PartyKind.Bank, BankAMsp, "Bank A"),
        new(BankB, PartyKind.Bank, BankBMsp, "Bank B"),
        new(BankC, PartyKind.Bank, BankCMsp, "Bank C"),
        new(CoreCorp, PartyKind.Enterprise, BankAMsp, "Core Corporation", SubjectOf(CoreCorp)),
        new(SupplierA, PartyKind.Enterprise, EnterpriseMsp, "Supplier A", SubjectOf(SupplierA)),
        new(SupplierB, PartyKind.Enterprise, BankBMsp, "Supplier B", SubjectOf(SupplierB)),
        new(SupplierC, PartyKind.Enterprise, EnterpriseMsp, "Supplier C", SubjectOf(SupplierC)),
        new(Dormant, PartyKind.Enterprise, EnterpriseMsp, "Dormant Trading", SubjectOf(Dormant)),
    ];

    /// <summary>The identity of an actor, minted on first use.</summary>
    /// <param name="actor">One of this class's actor names.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException">The actor is not part of the cast.</exception>
    public static TestIdentity Identity(string actor)
    {
        var spec = Spec(actor);
        return Minted.GetOrAdd(actor, _ => TestIdentity.Create(spec.MspId, spec.CommonName, spec.Role));
    }

    /// <summary>The MSP of an actor.</summary>
    /// <param name="actor">One of this class's actor names.</param>
    /// <returns>The MSP id.</returns>
    public static string MspOf(string actor) => Spec(actor).MspId;

    /// <summary>
    /// The subject of an actor's certificate as BILLS.md renders it, most specific attribute first:
    /// <c>CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US</c>. Written out by
    /// hand from the certificate layout the test identities use, not read back from the certificate.
    /// </summary>
    /// <param name="actor">One of this class's actor names.</param>
    /// <returns>The subject text.</returns>
    public static string SubjectOf(string actor)
    {
        var spec = Spec(actor);
        var ou = spec.Role switch
        {
            TestIdentityRole.Admin => "admin",
            TestIdentityRole.Peer => "peer",
            TestIdentityRole.Orderer => "orderer",
            _ => "client",
        };
        return $"CN={spec.CommonName},OU={ou},L=San Francisco,ST=California,C=US";
    }

    /// <summary>
    /// The terms collection BILLS.md names for deals between two MSPs: <c>terms_X_Y</c> with the ids in
    /// code-point order, <c>terms_X</c> when they are the same MSP.
    /// </summary>
    /// <param name="firstMsp">One MSP id.</param>
    /// <param name="secondMsp">The other MSP id.</param>
    /// <returns>The collection name.</returns>
    public static string TermsCollection(string firstMsp, string secondMsp)
    {
        var order = string.CompareOrdinal(firstMsp, secondMsp);
        return order == 0 ? "terms_" + firstMsp
            : order < 0 ? $"terms_{firstMsp}_{secondMsp}"
            : $"terms_{secondMsp}_{firstMsp}";
    }

    private static (string MspId, string CommonName, TestIdentityRole Role) Spec(string actor) =>
        Specs.TryGetValue(actor, out var spec) ? spec : throw new ArgumentException($"'{actor}' is not an actor of the cast.", nameof(actor));
}
