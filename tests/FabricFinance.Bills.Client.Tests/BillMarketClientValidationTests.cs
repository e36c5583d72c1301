using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>
/// Inputs that could never be right fail before anything is sent, naming the parameter (or the request's member).
/// </summary>
public sealed class BillMarketClientValidationTests
{
    private static readonly IssueBillRequest Issue = new("B1", BillKind.Bank, "SupplierA", "BankA", 10_000_000, new DateOnly(2026, 6, 30), Transferable: true);

    private static readonly DealRequest Request = new("D1", "B1", "BankA");

    public static IEnumerable<TestCaseData> InvalidCalls()
    {
        yield return Case("IssueBill null", m => m.IssueBillAsync(null!), "request");
        yield return Case("IssueBill id with a space", m => m.IssueBillAsync(Issue with { Id = "B 1" }), "request.Id");
        yield return Case("IssueBill id of 65 chars", m => m.IssueBillAsync(Issue with { Id = new string('a', 65) }), "request.Id");
        yield return Case("IssueBill kind undefined", m => m.IssueBillAsync(Issue with { Kind = (BillKind)9 }), "request.Kind");
        yield return Case("IssueBill payee empty", m => m.IssueBillAsync(Issue with { Payee = "" }), "request.Payee");
        yield return Case("IssueBill acceptor null", m => m.IssueBillAsync(Issue with { Acceptor = null! }), "request.Acceptor");
        yield return Case("IssueBill amount 0", m => m.IssueBillAsync(Issue with { Amount = 0 }), "request.Amount");
        yield return Case("IssueBill amount over 10^13", m => m.IssueBillAsync(Issue with { Amount = BillRules.MaxAmount + 1 }), "request.Amount");
        yield return Case("AcceptBill null", m => m.AcceptBillAsync(null!), "billId");
        yield return Case("AcceptBill sub-bill .3", m => m.AcceptBillAsync("B1.3"), "billId");
        yield return Case("CancelBill empty", m => m.CancelBillAsync(""), "billId");
        yield return Case("RejectAcceptance reason blank", m => m.RejectAcceptanceAsync("B1", "  "), "reason");
        yield return Case("RejectAcceptance reason 501 chars", m => m.RejectAcceptanceAsync("B1", new string('r', 501)), "reason");
        yield return Case("EndorseBill endorsee invalid", m => m.EndorseBillAsync("B1", "Supplier B"), "toParty");
        yield return Case("EndorseBill amount 0", m => m.EndorseBillAsync("B1", "SupplierB", 0), "amount");
        yield return Case("EndorseBill amount negative", m => m.EndorseBillAsync("B1", "SupplierB", -5), "amount");
        yield return Case("PresentForPayment bill id with slash", m => m.PresentForPaymentAsync("B/1"), "billId");
        yield return Case("PayBill payment ref invalid", m => m.PayBillAsync("B1", "pay ref!"), "paymentRef");
        yield return Case("DishonorBill reason null", m => m.DishonorBillAsync("B1", null!), "reason");
        yield return Case("FreezeBill reason empty", m => m.FreezeBillAsync("B1", ""), "reason");
        yield return Case("UnfreezeBill bill id invalid", m => m.UnfreezeBillAsync("B1..2", "ok"), "billId");
        yield return Case("RequestDiscount null", m => m.RequestDiscountAsync(null!, 350), "request");
        yield return Case("RequestDiscount rate 0", m => m.RequestDiscountAsync(Request, 0), "rateBps");
        yield return Case("RequestDiscount rate 10001", m => m.RequestDiscountAsync(Request, 10_001), "rateBps");
        yield return Case("RequestDiscount deal id invalid", m => m.RequestDiscountAsync(Request with { DealId = "D#1" }, 350), "request.DealId");
        yield return Case("RequestDiscount buyer invalid", m => m.RequestDiscountAsync(Request with { Buyer = "" }, 350), "request.Buyer");
        yield return Case("RequestRediscount amount 0", m => m.RequestRediscountAsync(Request with { Amount = 0 }, 350), "request.Amount");
        yield return Case("RequestRediscount bill invalid", m => m.RequestRediscountAsync(Request with { BillId = "B1.0" }, 350), "request.BillId");
        yield return Case("AcceptDeal sub-bill style id", m => m.AcceptDealAsync("D1.1"), "dealId");
        yield return Case("RejectDeal reason blank", m => m.RejectDealAsync("D1", "\t"), "reason");
        yield return Case("CancelDeal deal null", m => m.CancelDealAsync(null!, "why"), "dealId");
        yield return Case("SettleDeal payment ref 65 chars", m => m.SettleDealAsync("D1", new string('p', 65)), "paymentRef");
        yield return Case("ExpireDeal empty", m => m.ExpireDealAsync(""), "dealId");
        yield return Case("SetPartyStatus status undefined", m => m.SetPartyStatusAsync("CoreCorp", (PartyStatus)7), "status");
        yield return Case("SetPartyStatus party invalid", m => m.SetPartyStatusAsync("Core Corp", PartyStatus.Suspended), "partyId");
        yield return Case("RegisterParty name 201 chars", m => m.RegisterPartyAsync(new PartyRegistration("P1", PartyKind.Bank, "BankAMSP", new string('n', 201))), "registration.Name");
        yield return Case("RegisterParty msp empty", m => m.RegisterPartyAsync(new PartyRegistration("P1", PartyKind.Bank, "", "P")), "registration.MspId");
        yield return Case("RegisterParty subject empty", m => m.RegisterPartyAsync(new PartyRegistration("P1", PartyKind.Enterprise, "BankAMSP", "P", "")), "registration.Subject");
        yield return Case("RegisterParty kind undefined", m => m.RegisterPartyAsync(new PartyRegistration("P1", (PartyKind)8, "BankAMSP", "P")), "registration.Kind");
        yield return Case("InitLedger exchange null", m => m.InitLedgerAsync(Samples.Config() with { Exchange = null! }), "config.Exchange");
        yield return Case("InitLedger regulator id invalid", m => m.InitLedgerAsync(Samples.Config() with { Regulator = new InstitutionInfo("Reg ulator", "R") }), "config.Regulator.Id");
        yield return Case("InitLedger exchange msp blank", m => m.InitLedgerAsync(Samples.Config() with { ExchangeMspId = " " }), "config.ExchangeMspId");
        yield return Case("GetBill invalid", m => m.GetBillAsync("B*"), "billId");
        yield return Case("GetBillHistory null", m => m.GetBillHistoryAsync(null!), "billId");
        yield return Case("GetParty invalid", m => m.GetPartyAsync("a b"), "partyId");
        yield return Case("GetDeal invalid", m => m.GetDealAsync(""), "dealId");
        yield return Case("GetDealTerms invalid", m => m.GetDealTermsAsync("D 1"), "dealId");
        yield return Case("GetVerifiedDealTerms invalid", m => m.GetVerifiedDealTermsAsync("D 1"), "dealId");
        yield return Case("ListBills page size 0", m => m.ListBillsAsync(pageSize: 0), "pageSize");
        yield return Case("ListBills page size 1001", m => m.ListBillsAsync(pageSize: 1001), "pageSize");
        yield return Case("ListBills bookmark null", m => m.ListBillsAsync(bookmark: null!), "bookmark");
        yield return Case("ListBills holder invalid", m => m.ListBillsAsync(new BillFilter(Holder: "Supplier A")), "filter.Holder");
        yield return Case("ListBills status undefined", m => m.ListBillsAsync(new BillFilter(Status: (BillStatus)42)), "filter.Status");
        yield return Case(
            "ListBills due dates reversed",
            m => m.ListBillsAsync(new BillFilter(DueFrom: new DateOnly(2026, 7, 1), DueTo: new DateOnly(2026, 6, 1))),
            "filter");
    }

    [TestCaseSource(nameof(InvalidCalls))]
    [CancelAfter(10_000)]
    public void Call_InvalidInput_ThrowsNamingParameterBeforeAnyCall(Func<BillMarketClient, Task> call, string parameter)
    {
        // Arrange
        using var market = new TestMarket();

        // Act
        var thrown = Assert.CatchAsync<ArgumentException>(() => call(market.Market));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.ParamName, Is.EqualTo(parameter));
            Assert.That(market.Fake.Methods, Is.Empty, "nothing may be sent");
        });
    }

    [Test]
    public void ListAllBillsAsync_InvalidPageSize_ThrowsBeforeEnumeration()
    {
        // Arrange
        using var market = new TestMarket();

        // Act
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => market.Market.ListAllBillsAsync(pageSize: 0));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.ParamName, Is.EqualTo("pageSize"));
            Assert.That(market.Fake.Methods, Is.Empty);
        });
    }

    [Test]
    public void GetBillEventsAsync_InvalidBillId_ThrowsBeforeEnumeration()
    {
        // Arrange
        using var market = new TestMarket();

        // Act
        var thrown = Assert.Throws<ArgumentException>(() => market.Market.GetBillEventsAsync("not a bill"));

        // Assert
        Assert.That(thrown!.ParamName, Is.EqualTo("billId"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Constructor_BlankChaincodeName_Throws(string name)
    {
        // Arrange
        using var market = new TestMarket();

        // Act
        var thrown = Assert.Throws<ArgumentException>(() => _ = new BillMarketClient(market.Network, new BillMarketClientOptions { ChaincodeName = name }));

        // Assert
        Assert.That(thrown!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Constructor_BlankDealTermsOrganization_Throws()
    {
        // Arrange
        using var market = new TestMarket();
        var options = new BillMarketClientOptions { DealTermsOrganizations = { "ExchangeMSP", " " } };

        // Act
        var thrown = Assert.Throws<ArgumentException>(() => _ = new BillMarketClient(market.Network, options));

        // Assert
        Assert.That(thrown!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Constructor_NullNetwork_Throws()
    {
        // Act
        var thrown = Assert.Throws<ArgumentNullException>(() => _ = new BillMarketClient(null!));

        // Assert
        Assert.That(thrown!.ParamName, Is.EqualTo("network"));
    }

    private static TestCaseData Case(string name, Func<BillMarketClient, Task> call, string parameter) =>
        new TestCaseData(call, parameter).SetName($"Call_InvalidInput_ThrowsNamingParameterBeforeAnyCall({name})");
}
