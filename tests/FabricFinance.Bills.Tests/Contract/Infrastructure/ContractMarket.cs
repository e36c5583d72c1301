using System.Globalization;
using System.Text;
using FabricFinance.Bills.Contract;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Contract.Infrastructure;

/// <summary>
/// A small bill market on the in-memory ledger for the contract's machinery tests: the <c>bills</c>
/// chaincode with one terms collection per pair of trading MSPs (members: the pair, the exchange and
/// the regulator), and a cast of institutions and enterprises. Transactions are stamped with
/// <see cref="Now"/>.
/// </summary>
internal sealed class ContractMarket
{
    public const string ExchangeMsp = "ExchangeMSP";
    public const string RegulatorMsp = "RegulatorMSP";
    public const string BankAMsp = "BankAMSP";
    public const string BankBMsp = "BankBMSP";
    public const string BankCMsp = "BankCMSP";
    public const string EnterpriseMsp = "EnterpriseMSP";

    /// <summary>2026-03-02 10:00 in UTC+8.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The due date of the bills the helpers issue.</summary>
    public static readonly DateOnly DueDate = new(2026, 6, 1);

    private static readonly string[] TradingMsps = [BankAMsp, BankBMsp, BankCMsp, EnterpriseMsp];

    private ContractMarket(InMemoryLedger ledger, DeployedChaincode bills)
    {
        Ledger = ledger;
        Bills = bills;
    }

    public static TestIdentity ExchangeAdmin { get; } = TestIdentity.Create(ExchangeMsp, "Admin@exchange.example.com", TestIdentityRole.Admin);

    public static TestIdentity Exchange { get; } = TestIdentity.Create(ExchangeMsp, "User1@exchange.example.com");

    public static TestIdentity Regulator { get; } = TestIdentity.Create(RegulatorMsp, "User1@regulator.example.com");

    public static TestIdentity BankA { get; } = TestIdentity.Create(BankAMsp, "User1@banka.example.com");

    public static TestIdentity BankAStaff { get; } = TestIdentity.Create(BankAMsp, "User2@banka.example.com");

    public static TestIdentity BankAPeer { get; } = TestIdentity.Create(BankAMsp, "peer0.banka.example.com", TestIdentityRole.Peer);

    public static TestIdentity BankB { get; } = TestIdentity.Create(BankBMsp, "User1@bankb.example.com");

    public static TestIdentity BankC { get; } = TestIdentity.Create(BankCMsp, "User1@bankc.example.com");

    /// <summary>An enterprise acting through one identity of BankAMSP.</summary>
    public static TestIdentity CoreCorp { get; } = TestIdentity.Create(BankAMsp, "User3@banka.example.com");

    /// <summary>An enterprise acting through one identity of EnterpriseMSP.</summary>
    public static TestIdentity Supplier { get; } = TestIdentity.Create(EnterpriseMsp, "User1@enterprise.example.com");

    /// <summary>Another enterprise of EnterpriseMSP.</summary>
    public static TestIdentity Supplier2 { get; } = TestIdentity.Create(EnterpriseMsp, "User2@enterprise.example.com");

    /// <summary>A client of EnterpriseMSP for whom no party is registered (the MSP has no institution party).</summary>
    public static TestIdentity Stranger { get; } = TestIdentity.Create(EnterpriseMsp, "User7@enterprise.example.com");

    public InMemoryLedger Ledger { get; }

    public DeployedChaincode Bills { get; }

    public DateTimeOffset Now { get; set; } = Start;

    public DateOnly Today => BusinessCalendar.BusinessDate(Now);

    /// <summary>Deploys the contract; with <paramref name="cast"/>, initializes the ledger and registers the cast.</summary>
    public static async Task<ContractMarket> StartAsync(bool cast = true)
    {
        var ledger = new InMemoryLedger();
        var deployment = new ChaincodeDeployment();
        for (var i = 0; i < TradingMsps.Length; i++)
        {
            for (var j = i; j < TradingMsps.Length; j++)
            {
                deployment.Collections.Add(new CollectionDefinition(
                    TermsCollections.For(TradingMsps[i], TradingMsps[j]), [.. new[] { TradingMsps[i], TradingMsps[j], ExchangeMsp, RegulatorMsp }.Distinct()])
                {
                    MemberOnlyRead = true,
                    MemberOnlyWrite = true,
                });
            }
        }

        var market = new ContractMarket(ledger, ledger.Deploy("bills", ContractRouter.Create([new BillContract()]), deployment));
        if (cast)
        {
            await market.MustAsync(ExchangeAdmin, "InitLedger", Json(new LedgerConfig(ExchangeMsp, new InstitutionInfo("Exchange", "The exchange"), RegulatorMsp, new InstitutionInfo("Regulator", "The regulator"))));
            await market.RegisterAsync("BankA", PartyKind.Bank, BankA, institution: true);
            await market.RegisterAsync("BankB", PartyKind.Bank, BankB, institution: true);
            await market.RegisterAsync("BankC", PartyKind.Bank, BankC, institution: true);
            await market.RegisterAsync("CoreCorp", PartyKind.Enterprise, CoreCorp);
            await market.RegisterAsync("Supplier", PartyKind.Enterprise, Supplier);
            await market.RegisterAsync("Supplier2", PartyKind.Enterprise, Supplier2);
        }

        return market;
    }

    public static string Json<T>(T value) => Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(value));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, string> Terms(int rateBps) => new Dictionary<string, string> { ["terms"] = $$"""{"rateBps":{{Number(rateBps)}}}""" };

    public static IReadOnlyDictionary<string, string> Settlement(string paymentRef) => new Dictionary<string, string> { ["settlement"] = $$"""{"paymentRef":"{{paymentRef}}"}""" };

    public TransactionOptions Options(IReadOnlyDictionary<string, string>? transient = null, string? peer = null, DateTimeOffset? at = null)
    {
        var options = new TransactionOptions { Timestamp = at ?? Now, PeerOrganization = peer };
        foreach (var (key, value) in transient ?? new Dictionary<string, string>())
        {
            options.TransientData[key] = Encoding.UTF8.GetBytes(value);
        }

        return options;
    }

    public Task<TransactionResult> SubmitAsync(TestIdentity who, string function, params string[] arguments) =>
        Bills.SubmitAsync(who, function, arguments, Options());

    public Task<TransactionResult> SubmitAsync(TestIdentity who, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient, string? peer = null) =>
        Bills.SubmitAsync(who, function, arguments, Options(transient, peer));

    public Task<TransactionResult> EvaluateAsync(TestIdentity who, string function, params string[] arguments) =>
        Bills.EvaluateAsync(who, function, arguments, Options());

    public Task<TransactionResult> EvaluateAtAsync(string peer, TestIdentity who, string function, params string[] arguments) =>
        Bills.EvaluateAsync(who, function, arguments, Options(peer: peer));

    public async Task<TransactionResult> MustAsync(TestIdentity who, string function, params string[] arguments) =>
        Must(await SubmitAsync(who, function, arguments), function);

    public async Task<TransactionResult> MustAsync(TestIdentity who, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient) =>
        Must(await SubmitAsync(who, function, arguments, transient), function);

    public Task RegisterAsync(string id, PartyKind kind, TestIdentity identity, bool institution = false) =>
        MustAsync(Exchange, "RegisterParty", Json(new PartyRegistration(id, kind, identity.MspId, id + " Ltd", institution ? null : identity.ClientIdentity.Subject)));

    /// <summary>CoreCorp draws a bank bill on BankA to Supplier; BankA accepts it; Supplier holds it.</summary>
    public async Task<Bill> IssueAcceptedAsync(string id = "B1", long amount = 1_000_000, DateOnly? dueDate = null, bool transferable = true)
    {
        await MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest(id, BillKind.Bank, "Supplier", "BankA", amount, dueDate ?? DueDate, transferable)));
        return ReadBill(await MustAsync(BankA, "AcceptBill", id));
    }

    public async Task<Bill> GetBillAsync(string id) => ReadBill(Must(await EvaluateAsync(Regulator, "GetBill", id), "GetBill"));

    public async Task<Deal> GetDealAsync(string id) => Read<Deal>(Must(await EvaluateAsync(Regulator, "GetDeal", id), "GetDeal"));

    public static Bill ReadBill(TransactionResult result) => Read<Bill>(result);

    public static T Read<T>(TransactionResult result) => BillJson.Deserialize<T>(result.Payload.Span);

    private static TransactionResult Must(TransactionResult result, string function) =>
        result.Response.IsSuccess && (result.Commit is null || result.Commit.IsValid)
            ? result
            : throw new InvalidOperationException($"{function} failed: {result}");
}
