using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>
/// Each transaction sends the rulebook's arguments, transient data apart, and returns the record with its transaction
/// and block.
/// </summary>
public sealed class BillMarketClientSubmitTests
{
    public static IEnumerable<TestCaseData> Transactions()
    {
        yield return Case(m => m.AcceptBillAsync("B1"), "AcceptBill", "B1");
        yield return Case(m => m.RejectAcceptanceAsync("B1", "not ours"), "RejectAcceptance", "B1", "not ours");
        yield return Case(m => m.CancelBillAsync("B1"), "CancelBill", "B1");
        yield return Case(m => m.EndorseBillAsync("B1", "SupplierB"), "EndorseBill", "B1", "SupplierB");
        yield return Case(m => m.EndorseBillAsync("B1.2", "SupplierB", 4_000_000), "EndorseBill", "B1.2", "SupplierB", "4000000");
        yield return Case(m => m.PresentForPaymentAsync("B1"), "PresentForPayment", "B1");
        yield return Case(m => m.PayBillAsync("B1", "CNAPS:2026/0001"), "PayBill", "B1", "CNAPS:2026/0001");
        yield return Case(m => m.DishonorBillAsync("B1", "insufficient funds"), "DishonorBill", "B1", "insufficient funds");
        yield return Case(m => m.FreezeBillAsync("B1", "court order 17"), "FreezeBill", "B1", "court order 17");
        yield return Case(m => m.UnfreezeBillAsync("B1", "order lifted"), "UnfreezeBill", "B1", "order lifted");
        yield return Case(m => m.AcceptDealAsync("D1"), "AcceptDeal", "D1");
        yield return Case(m => m.RejectDealAsync("D1", "rate too low"), "RejectDeal", "D1", "rate too low");
        yield return Case(m => m.CancelDealAsync("D1", "sold elsewhere"), "CancelDeal", "D1", "sold elsewhere");
        yield return Case(m => m.ExpireDealAsync("D1"), "ExpireDeal", "D1");
        yield return Case(m => m.SetPartyStatusAsync("CoreCorp", PartyStatus.Suspended), "SetPartyStatus", "CoreCorp", "suspended");
        yield return Case(m => m.SetPartyStatusAsync("CoreCorp", PartyStatus.Active), "SetPartyStatus", "CoreCorp", "active");
    }

    [TestCaseSource(nameof(Transactions))]
    [CancelAfter(10_000)]
    public async Task Submit_ValidInput_SendsRulebookArgumentsAndNoTransientData(Func<BillMarketClient, Task> call, string function, string[] args)
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = p => p.Function.StartsWith("SetParty", StringComparison.Ordinal) ? FakeOutcome.Ok(Samples.Party())
            : p.Function.Contains("Deal", StringComparison.Ordinal) ? FakeOutcome.Ok(Samples.Deal()) : FakeOutcome.Ok(Samples.Bill());

        // Act
        await call(market.Market);

        // Assert
        var proposal = market.SingleProposal;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Function, Is.EqualTo(function));
            Assert.That(proposal.Args, Is.EqualTo(args));
            Assert.That(proposal.Transient, Is.Empty);
            Assert.That(proposal.ChaincodeName, Is.EqualTo("bills"));
            Assert.That(proposal.IsEvaluate, Is.False);
            Assert.That(market.Fake.Methods, Is.EqualTo(new[] { "Endorse", "Submit", "CommitStatus" }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBillAsync_Request_SendsOneJsonArgumentAndReturnsCommittedBill()
    {
        // Arrange
        using var market = new TestMarket();
        var issued = Samples.Bill(status: BillStatus.PendingAcceptance, holder: "CoreCorp", version: 1);
        market.Fake.Handler = _ => FakeOutcome.Ok(issued) with { BlockNumber = 42 };

        // Act
        var committed = await market.Market.IssueBillAsync(
            new IssueBillRequest("B1", BillKind.Bank, "SupplierA", "BankA", 10_000_000, new DateOnly(2026, 6, 30), Transferable: true));

        // Assert
        var proposal = market.SingleProposal;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Function, Is.EqualTo("IssueBill"));
            Assert.That(
                proposal.Args,
                Is.EqualTo(new[] { """{"id":"B1","kind":"bank","payee":"SupplierA","acceptor":"BankA","amount":10000000,"dueDate":"2026-06-30","transferable":true}""" }));
            Assert.That(committed.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(committed.BlockNumber, Is.EqualTo(42UL));
            Assert.That(BillJson.SerializeToUtf8Bytes(committed.Value), Is.EqualTo(BillJson.SerializeToUtf8Bytes(issued)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscountAsync_Rate_SendsTermsAsTransientDataNeverInArguments()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Deal());

        // Act
        var committed = await market.Market.RequestDiscountAsync(new DealRequest("D1", "B1", "BankA"), 350);

        // Assert
        var proposal = market.SingleProposal;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Function, Is.EqualTo("RequestDiscount"));
            Assert.That(proposal.Args, Is.EqualTo(new[] { """{"dealId":"D1","billId":"B1","buyer":"BankA"}""" }));
            Assert.That(proposal.Transient, Is.EqualTo(new Dictionary<string, string> { ["terms"] = """{"rateBps":350}""" }));
            Assert.That(string.Concat(proposal.Args), Does.Not.Contain("rate").And.Not.Contain("350"));
            Assert.That(committed.Value.Id, Is.EqualTo("D1"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestRediscountAsync_PartialAmount_SendsAmountInArgumentAndRateAsTransient()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Deal(billId: "B1.1"));

        // Act
        await market.Market.RequestRediscountAsync(new DealRequest("D2", "B1", "BankB", 4_000_000), 275);

        // Assert
        var proposal = market.SingleProposal;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Function, Is.EqualTo("RequestRediscount"));
            Assert.That(proposal.Args, Is.EqualTo(new[] { """{"dealId":"D2","billId":"B1","buyer":"BankB","amount":4000000}""" }));
            Assert.That(proposal.Transient["terms"], Is.EqualTo("""{"rateBps":275}"""));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SettleDealAsync_PaymentRef_SendsSettlementAsTransientDataNeverInArguments()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Deal(status: DealStatus.Settled));

        // Act
        await market.Market.SettleDealAsync("D1", "CNAPS-2026-0001");

        // Assert
        var proposal = market.SingleProposal;
        Assert.Multiple(() =>
        {
            Assert.That(proposal.Args, Is.EqualTo(new[] { "D1" }));
            Assert.That(proposal.Transient, Is.EqualTo(new Dictionary<string, string> { ["settlement"] = """{"paymentRef":"CNAPS-2026-0001"}""" }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RegisterPartyAsync_Institution_LeavesOutTheSubject()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Party("BankA", PartyKind.Bank));

        // Act
        var committed = await market.Market.RegisterPartyAsync(new PartyRegistration("BankA", PartyKind.Bank, "BankAMSP", "Bank A"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.SingleProposal.Args, Is.EqualTo(new[] { """{"id":"BankA","kind":"bank","mspId":"BankAMSP","name":"Bank A"}""" }));
            Assert.That(committed.Value.Kind, Is.EqualTo(PartyKind.Bank));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task InitLedgerAsync_Config_SendsConfigJsonAndReturnsIt()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Config());

        // Act
        var committed = await market.Market.InitLedgerAsync(Samples.Config());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(
                market.SingleProposal.Args,
                Is.EqualTo(new[] { """{"exchangeMspId":"ExchangeMSP","exchange":{"id":"Exchange","name":"Commercial Paper Exchange"},"regulatorMspId":"RegulatorMSP","regulator":{"id":"Regulator","name":"Central Bank"}}""" }));
            Assert.That(committed.Value, Is.EqualTo(Samples.Config()));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_ProposalTimestamp_ComesFromTheGatewayClock()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        await market.Market.AcceptBillAsync("B1");

        // Assert
        Assert.That(market.SingleProposal.Timestamp, Is.EqualTo(TestMarket.Now));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_OptionsNameChaincodeAndContract_RoutesThere()
    {
        // Arrange
        using var market = new TestMarket();
        var client = new BillMarketClient(market.Network, new BillMarketClientOptions { ChaincodeName = "bills2", ContractName = "bills" });
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        await client.AcceptBillAsync("B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.SingleProposal.ChaincodeName, Is.EqualTo("bills2"));
            Assert.That(market.SingleProposal.Function, Is.EqualTo("bills:AcceptBill"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillMarket_Network_CreatesClientOnTheBillsChaincode()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var client = market.Network.GetBillMarket();
        await client.GetBillAsync("B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(client.Contract.ChaincodeName, Is.EqualTo("bills"));
            Assert.That(market.SingleProposal.IsEvaluate, Is.True);
        });
    }

    private static TestCaseData Case(Func<BillMarketClient, Task> call, string function, params string[] args) =>
        new TestCaseData(call, function, args).SetName($"Submit_ValidInput_SendsRulebookArgumentsAndNoTransientData({function} {string.Join(' ', args)})");
}
