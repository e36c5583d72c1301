using FabricFinance.Chaincode.Testing;
using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Each submit returns one record and emits exactly one event whose payload is that record's JSON, never the terms.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class EventPayloadTests
{
    [Test]
    public async Task EverySubmit_EmitsOneEventWhosePayloadIsTheResponse()
    {
        // Arrange
        var market = await StartAsync(cast: false);
        var steps = new List<(string Expected, TransactionResult Result)>();
        async Task Step(string expectedEvent, TestIdentity who, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient = null)
        {
            var result = await market.SubmitAsync(who, function, arguments, transient);
            Assert.That(result.IsSuccess, Is.True, $"{function}: {result.Message}");
            steps.Add((expectedEvent, result));
        }

        string Issue(string id) => Json(new IssueBillRequest(id, BillKind.Bank, "Supplier", "BankA", 1_000_000, DueDate, true));

        // Act: every submit of the rulebook at least once.
        await Step("LedgerInitialized", ExchangeAdmin, "InitLedger", [Json(new LedgerConfig(ExchangeMsp, new InstitutionInfo("Exchange", "X"), RegulatorMsp, new InstitutionInfo("Regulator", "R")))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("BankA", PartyKind.Bank, BankAMsp, "Bank A"))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("BankB", PartyKind.Bank, BankBMsp, "Bank B"))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("BankC", PartyKind.Bank, BankCMsp, "Bank C"))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("CoreCorp", PartyKind.Enterprise, BankAMsp, "Core", CoreCorp.ClientIdentity.Subject))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("Supplier", PartyKind.Enterprise, EnterpriseMsp, "S1", Supplier.ClientIdentity.Subject))]);
        await Step("PartyRegistered", Exchange, "RegisterParty", [Json(new PartyRegistration("Supplier2", PartyKind.Enterprise, EnterpriseMsp, "S2", Supplier2.ClientIdentity.Subject))]);
        await Step("PartyStatusChanged", Exchange, "SetPartyStatus", ["BankC", "suspended"]);
        await Step("PartyStatusChanged", Exchange, "SetPartyStatus", ["BankC", "active"]);
        await Step("BillIssued", CoreCorp, "IssueBill", [Issue("B1")]);
        await Step("BillAccepted", BankA, "AcceptBill", ["B1"]);
        await Step("BillIssued", CoreCorp, "IssueBill", [Issue("B2")]);
        await Step("BillCancelled", CoreCorp, "CancelBill", ["B2"]);
        await Step("BillIssued", CoreCorp, "IssueBill", [Issue("B3")]);
        await Step("BillCancelled", BankA, "RejectAcceptance", ["B3", "no credit line"]);
        await Step("BillEndorsed", Supplier, "EndorseBill", ["B1", "Supplier2"]);
        await Step("DealRequested", Supplier2, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));
        await Step("DealAccepted", BankB, "AcceptDeal", ["D1"]);
        await Step("DealSettled", Exchange, "SettleDeal", ["D1"], Settlement("PAY-1"));
        await Step("DealRequested", BankB, "RequestRediscount", [Json(new DealRequest("D2", "B1", "BankC"))], Terms(250));
        await Step("DealClosed", BankC, "RejectDeal", ["D2", "rate too low"]);
        await Step("DealRequested", BankB, "RequestRediscount", [Json(new DealRequest("D3", "B1", "BankC", 400_000))], Terms(250));
        await Step("DealClosed", BankB, "CancelDeal", ["D3", "changed my mind"]);
        await Step("DealRequested", BankB, "RequestRediscount", [Json(new DealRequest("D4", "B1.2", "BankC"))], Terms(250));
        market.Now = market.Now.AddDays(4);
        await Step("DealClosed", Supplier, "ExpireDeal", ["D4"]);
        await Step("BillFrozen", Exchange, "FreezeBill", ["B1.2", "court order"]);
        await Step("BillUnfrozen", Exchange, "UnfreezeBill", ["B1.2", "order lifted"]);
        market.Now = new DateTimeOffset(DueDate.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        await Step("BillPresented", BankB, "PresentForPayment", ["B1.2"]);
        await Step("BillPaid", BankA, "PayBill", ["B1.2", "PAID-1"]);
        await Step("BillPresented", BankB, "PresentForPayment", ["B1.1"]);
        await Step("BillDishonored", BankA, "DishonorBill", ["B1.1", "insufficient funds"]);

        // Assert
        Assert.Multiple(() =>
        {
            foreach (var (expected, result) in steps)
            {
                Assert.That(result.Event, Is.Not.Null, expected);
                Assert.That(result.Event!.Name, Is.EqualTo(expected));
                Assert.That(result.Event.Payload.ToArray(), Is.EqualTo(result.Payload.ToArray()), expected);
                Assert.That(result.PayloadText, Does.Not.Contain("rateBps").And.Not.Contain("payout").And.Not.Contain("interest"), expected);
            }

            Assert.That(market.Ledger.Events.Select(e => e.Event.Name), Is.EqualTo(steps.Select(s => s.Expected)));
        });
    }

    [Test]
    public async Task Queries_SetNoEvent()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();

        // Act
        var results = new[]
        {
            await market.EvaluateAsync(Regulator, "GetBill", "B1"),
            await market.EvaluateAsync(Regulator, "GetBillHistory", "B1"),
            await market.EvaluateAsync(Regulator, "ListBills", "{}", "10", ""),
            await market.EvaluateAsync(Regulator, "GetParty", "BankA"),
            await market.EvaluateAsync(Regulator, "ListParties"),
        };

        // Assert
        Assert.That(results.Select(r => (r.Status, r.Event)), Is.All.EqualTo((200, (TransactionEvent?)null)));
    }

    [Test]
    public async Task Refusal_SetsNoEventAndWritesNothing()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        var transaction = market.Bills.NewTransaction(Supplier, "EndorseBill", ["B1", "Supplier2", "2000000"], market.Options());

        // Act
        var response = await transaction.InvokeAsync();

        // Assert
        Assert.That(response.Message, Does.StartWith("INVALID_ARGUMENT: amount 2000000 is not below the amount 1000000 of bill B1"));
        Assert.That((transaction.Event, transaction.HasWrites), Is.EqualTo(((TransactionEvent?)null, false)));
    }
}
