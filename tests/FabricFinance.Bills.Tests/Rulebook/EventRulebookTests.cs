using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Transactions": "Each submit returns one record as JSON … It emits one chaincode event,
/// named in the last column, whose payload is exactly the returned JSON"; chaincode name <c>bills</c>,
/// one default contract <c>bills</c>, so <c>IssueBill</c> and <c>bills:IssueBill</c> both route.
/// </summary>
[TestFixture]
public sealed class EventRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    [Test]
    [CancelAfter(30_000)]
    public async Task EveryTransaction_Submitted_ExactlyOneEventNamedByTheRulebookCarryingTheResponse()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);
        (string Actor, string Function, string[] Arguments, IReadOnlyDictionary<string, string>? Transient, string Event, int Days)[] steps =
        [
            (Cast.ExchangeAdmin, "InitLedger", [Args.Json(Cast.Config)], null, "LedgerInitialized", 0),
            (Cast.Exchange, "RegisterParty", [Args.Json(Cast.Registrations[0])], null, "PartyRegistered", 0),
            .. Cast.Registrations.Skip(1).Select(r => (Cast.Exchange, "RegisterParty", new[] { Args.Json(r) }, (IReadOnlyDictionary<string, string>?)null, "PartyRegistered", 0)),
            (Cast.Exchange, "SetPartyStatus", [Cast.Dormant, "suspended"], null, "PartyStatusChanged", 0),
            (Cast.CoreCorp, "IssueBill", [Args.Issue(B1, Cast.SupplierA, Cast.BankA, 1_000_000, BillMarketHarness.StandardDueDate)], null, "BillIssued", 0),
            (Cast.CoreCorp, "IssueBill", [Args.Issue("B2", Cast.SupplierA, Cast.BankA, 1_000, BillMarketHarness.StandardDueDate)], null, "BillIssued", 0),
            (Cast.CoreCorp, "IssueBill", [Args.Issue("B3", Cast.SupplierA, Cast.BankA, 1_000, BillMarketHarness.StandardDueDate)], null, "BillIssued", 0),
            (Cast.CoreCorp, "CancelBill", ["B2"], null, "BillCancelled", 0),
            (Cast.BankA, "RejectAcceptance", ["B3", "no trade"], null, "BillCancelled", 0),
            (Cast.BankA, "AcceptBill", [B1], null, "BillAccepted", 0),
            (Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null, "BillEndorsed", 1),
            (Cast.SupplierB, "EndorseBill", [B1, Cast.SupplierC, "200000"], null, "BillEndorsed", 0),
            (Cast.SupplierC, "RequestDiscount", [Args.Deal("D1", "B1.1", Cast.BankC)], Args.Terms(300), "DealRequested", 0),
            (Cast.BankC, "AcceptDeal", ["D1"], null, "DealAccepted", 0),
            (Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement("PAY-1"), "DealSettled", 1),
            (Cast.BankC, "RequestRediscount", [Args.Deal("D2", "B1.1", Cast.BankB)], Args.Terms(280), "DealRequested", 0),
            (Cast.BankB, "RejectDeal", ["D2", "no"], null, "DealClosed", 0),
            (Cast.BankC, "RequestRediscount", [Args.Deal("D3", "B1.1", Cast.BankB)], Args.Terms(280), "DealRequested", 0),
            (Cast.BankC, "CancelDeal", ["D3", "no"], null, "DealClosed", 0),
            (Cast.SupplierB, "RequestDiscount", [Args.Deal("D4", "B1.2", Cast.BankA)], Args.Terms(300), "DealRequested", 0),
            (Cast.SupplierA, "ExpireDeal", ["D4"], null, "DealClosed", 4),
            (Cast.Exchange, "FreezeBill", ["B1.2", "court order"], null, "BillFrozen", 0),
            (Cast.Exchange, "UnfreezeBill", ["B1.2", "lifted"], null, "BillUnfrozen", 0),
            (Cast.SupplierB, "PresentForPayment", ["B1.2"], null, "BillPresented", 90),
            (Cast.BankC, "PresentForPayment", ["B1.1"], null, "BillPresented", 0),
            (Cast.BankA, "PayBill", ["B1.2", "PAID-1"], null, "BillPaid", 0),
            (Cast.BankA, "DishonorBill", ["B1.1", "no funds"], null, "BillDishonored", 0),
        ];

        foreach (var (actor, function, arguments, transient, eventName, days) in steps)
        {
            market.AdvanceDays(days);
            var events = market.Ledger.Events.Count;

            // Act
            var result = await market.SubmitAsync(actor, function, arguments, transient);

            // Assert
            Expect.OneEvent(market, events, result, eventName);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Queries_Evaluated_CommitNoEvent()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        var before = market.Snapshot();

        // Act
        foreach (var (query, arguments) in new (string, string[])[]
        {
            ("GetBill", [B1]), ("GetBillHistory", [B1]), ("ListBills", ["{}", "10", string.Empty]), ("GetParty", [Cast.BankA]),
            ("ListParties", []), ("GetDeal", ["D1"]), ("GetDealTerms", ["D1"]),
        })
        {
            Expect.Success(await market.EvaluateAsync(Cast.Regulator, query, arguments));
        }

        // Assert
        Assert.That(before.DifferencesTo(market.Snapshot()), Is.Empty);
    }

    public static IEnumerable<TestCaseData> Routes()
    {
        yield return new TestCaseData("IssueBill").SetName("IssueBill_BareName_Routes");
        yield return new TestCaseData("bills:IssueBill").SetName("IssueBill_QualifiedName_Routes");
    }

    [TestCaseSource(nameof(Routes))]
    [CancelAfter(10_000)]
    public async Task IssueBill_FunctionName_RoutesToTheDefaultContract(string function)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var issued = await market.SubmitAsync(Cast.CoreCorp, function, Args.Issue(B1, Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate));
        var read = await market.EvaluateAsync(Cast.Stranger, function.Replace("IssueBill", "GetBill", StringComparison.Ordinal), B1);

        // Assert
        Expect.Success(issued);
        Expect.Success(read);
        Assert.That(read.PayloadText, Is.EqualTo(issued.PayloadText));
    }
}
