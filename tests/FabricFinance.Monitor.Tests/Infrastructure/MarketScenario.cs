using FabricFinance.Bills;
using FabricFinance.Client;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>
/// A small bill market as synthetic blocks: a configuration block, the ledger's initialization, four registrations in
/// one block, a bill issued, accepted and split, a discount requested with private terms next to an invalid double
/// sale (MVCC read conflict), the deal accepted (terms only), another chaincode's transaction, and a last
/// configuration block.
/// </summary>
internal static class MarketScenario
{
    public const string Exchange = "ExchangeMSP";
    public const string BankA = "BankAMSP";
    public const string BankB = "BankBMSP";
    public const string TermsCollection = "terms_BankAMSP";

    public static readonly TestIdentity ExchangeAdmin = TestIdentity.Create(Exchange, "Admin@exchange.example.com");
    public static readonly TestIdentity ExchangeUser = TestIdentity.Create(Exchange, "User1@exchange.example.com");
    public static readonly TestIdentity BankAUser = TestIdentity.Create(BankA, "User1@banka.example.com");
    public static readonly TestIdentity BankBUser = TestIdentity.Create(BankB, "User1@bankb.example.com");
    public static readonly TestIdentity CoreCorpUser = TestIdentity.Create(BankA, "User3@banka.example.com");
    public static readonly TestIdentity SupplierAUser = TestIdentity.Create(BankA, "User4@banka.example.com");

    public static readonly DateTimeOffset Start = new(2027, 3, 8, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2027, 3, 8);

    public static readonly DateOnly DueDate = new(2027, 8, 8);

    public static Party ExchangeParty { get; } = new("Exchange", PartyKind.Exchange, Exchange, null, "Exchange", PartyStatus.Active);

    public static Party RegulatorParty { get; } = new("Regulator", PartyKind.Regulator, "RegulatorMSP", null, "Regulator", PartyStatus.Active);

    public static Party BankAParty { get; } = new("BankA", PartyKind.Bank, BankA, null, "Bank A", PartyStatus.Active);

    public static Party BankBParty { get; } = new("BankB", PartyKind.Bank, BankB, null, "Bank B", PartyStatus.Active);

    public static Party CoreCorpParty { get; } = new("CoreCorp", PartyKind.Enterprise, BankA, CoreCorpUser.Subject, "CoreCorp Ltd.", PartyStatus.Active);

    public static Party SupplierAParty { get; } = new("SupplierA", PartyKind.Enterprise, BankA, SupplierAUser.Subject, "SupplierA Ltd.", PartyStatus.Active);

    public static Bill IssuedB1 { get; } = new(
        "B1", BillKind.Bank, "CoreCorp", "SupplierA", "BankA", 1_000_000, "CNY", Today, DueDate, true, "SupplierA",
        BillStatus.PendingAcceptance, [1, 1_000_000], null, [], 1, Today, null, null, null, null);

    public static Bill AcceptedB1 { get; } = IssuedB1 with
    {
        Status = BillStatus.Active,
        Version = 2,
        Trail = [new Transfer(TransferType.Accept, "BankA", "SupplierA", 1_000_000, Today, "tx-accept")],
    };

    public static Bill SplitB1 { get; } = AcceptedB1 with { Status = BillStatus.Split, Version = 3 };

    public static Bill PartB1a { get; } = AcceptedB1 with
    {
        Id = "B1-1",
        Amount = 400_000,
        Range = [1, 400_000],
        Parent = "B1",
        Holder = "CoreCorp",
        Version = 1,
        Trail = [.. AcceptedB1.Trail, new Transfer(TransferType.Endorse, "SupplierA", "CoreCorp", 400_000, Today, "tx-split")],
    };

    public static Bill PartB1b { get; } = AcceptedB1 with { Id = "B1-2", Amount = 600_000, Range = [400_001, 1_000_000], Parent = "B1", Version = 1 };

    public static Bill InDealB1a { get; } = PartB1a with { Status = BillStatus.InDeal, DealId = "D1", Version = 2 };

    public static DealTerms ProposedTerms { get; } = DealTerms.Proposed(250);

    public static DealTerms AcceptedTerms { get; } = ProposedTerms.ComputedFor(400_000, Today, DueDate);

    public static Deal RequestedD1 { get; } = new(
        "D1", DealKind.Discount, "B1-1", "CoreCorp", "BankA", 400_000, DealStatus.Requested, Today, null, null,
        ProposedTerms.ComputeHash(), 1, Today, null);

    public static Deal AcceptedD1 { get; } = RequestedD1 with { Status = DealStatus.Accepted, AcceptDate = Today, TermsHash = AcceptedTerms.ComputeHash(), Version = 2 };

    public static Deal LosingD2 { get; } = RequestedD1 with { Id = "D2", Seller = "CoreCorp", Buyer = "BankB" };

    public static string Key(string objectType, params string[] attributes) =>
        "\u0000" + objectType + "\u0000" + string.Concat(attributes.Select(a => a + "\u0000"));

    public static (string Key, byte[]? Value) Write<T>(string objectType, string id, T record) => (Key(objectType, id), BillJson.SerializeToUtf8Bytes(record));

    public static byte[] Json<T>(T record) => BillJson.SerializeToUtf8Bytes(record);

    /// <summary>Gets the blocks 0–8.</summary>
    public static IReadOnlyList<BlockAndPrivateData> Blocks()
    {
        var index = (Key: Key("bill~holder", "SupplierA", "B1"), Value: (byte[]?)[0]);
        return
        [
            SyntheticBlocks.ConfigBlock(0),
            SyntheticBlocks.Block(1, Tx("tx-init", ExchangeAdmin, 1, "bills:InitLedger", BillEvents.LedgerInitialized,
                (Key("config"), "{}"u8.ToArray()), Write("party", "Exchange", ExchangeParty), Write("party", "Regulator", RegulatorParty),
                (Key("party~msp", Exchange), "Exchange"u8.ToArray()))),
            SyntheticBlocks.Block(
                2,
                Tx("tx-reg-banka", ExchangeUser, 2, "RegisterParty", BillEvents.PartyRegistered, Write("party", "BankA", BankAParty)),
                Tx("tx-reg-bankb", ExchangeUser, 2, "RegisterParty", BillEvents.PartyRegistered, Write("party", "BankB", BankBParty)),
                Tx("tx-reg-core", ExchangeUser, 2, "RegisterParty", BillEvents.PartyRegistered, Write("party", "CoreCorp", CoreCorpParty)),
                Tx("tx-reg-supa", ExchangeUser, 2, "RegisterParty", BillEvents.PartyRegistered, Write("party", "SupplierA", SupplierAParty))),
            SyntheticBlocks.Block(3, Tx("tx-issue", CoreCorpUser, 3, "IssueBill", BillEvents.BillIssued, Write("bill", "B1", IssuedB1), index)),
            SyntheticBlocks.Block(4, Tx("tx-accept", BankAUser, 4, "AcceptBill", BillEvents.BillAccepted, Write("bill", "B1", AcceptedB1))),
            SyntheticBlocks.Block(
                5,
                Tx("tx-split", SupplierAUser, 5, "EndorseBill", BillEvents.BillEndorsed,
                    Write("bill", "B1", SplitB1), Write("bill", "B1-1", PartB1a), Write("bill", "B1-2", PartB1b)),
                new SyntheticTransaction("tx-asset", ExchangeUser, Start.AddMinutes(5), "CreateAsset", [("a1", "{}"u8.ToArray())], Chaincode: "assets")),
            SyntheticBlocks.Block(
                6,
                Tx("tx-d1", CoreCorpUser, 6, "RequestDiscount", BillEvents.DealRequested, Write("deal", "D1", RequestedD1), Write("bill", "B1-1", InDealB1a))
                    with { PrivateWrites = [(TermsCollection, "D1", Json(ProposedTerms))] },
                Tx("tx-d2", BankBUser, 6, "RequestDiscount", BillEvents.DealRequested, Write("deal", "D2", LosingD2), Write("bill", "B1-1", InDealB1a with { DealId = "D2" }))
                    with { Code = TransactionValidationCode.MvccReadConflict }),
            SyntheticBlocks.Block(
                7,
                Tx("tx-accept-d1", BankAUser, 7, "AcceptDeal", BillEvents.DealAccepted, Write("deal", "D1", AcceptedD1))
                    with { PrivateWrites = [(TermsCollection, "D1", Json(AcceptedTerms))] }),
            SyntheticBlocks.ConfigBlock(8),
        ];
    }

    private static SyntheticTransaction Tx(
        string transactionId, TestIdentity creator, int minute, string function, string eventName, params (string Key, byte[]? Value)[] writes) =>
        new(transactionId, creator, Start.AddMinutes(minute), function, writes, eventName, "{}"u8.ToArray());
}
