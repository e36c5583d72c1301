using System.Text;
using FabricFinance.Bills.Tests.Support;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Privacy" and row GetDealTerms: terms come in as transient data and live only in the
/// collection <c>terms_X_Y</c> of the seller's and buyer's MSPs; no response or event carries them;
/// GetDealTerms answers only the seller, the buyer, the exchange and the regulator parties ("storage is
/// per org, reading is per party"); a bystander org's peer holds only the hash.
/// </summary>
[TestFixture]
public sealed class PrivacyRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;
    private const string SecretPaymentRef = "PAY-SECRET-4242";

    public static IEnumerable<TestCaseData> TermsReaders()
    {
        // Deal D1: SupplierA (EnterpriseMSP) sells to BankC (BankCMSP).
        foreach (var reader in new[] { Cast.SupplierA, Cast.BankC, Cast.Exchange, Cast.Regulator })
        {
            yield return new TestCaseData(reader, null).SetName($"GetDealTerms_{reader}_ReturnsTheTerms");
        }

        yield return new TestCaseData(Cast.BankB, "FORBIDDEN").SetName("GetDealTerms_ThirdBank_Forbidden");
        yield return new TestCaseData(Cast.BankA, "FORBIDDEN").SetName("GetDealTerms_AcceptorBankNotInTheDeal_Forbidden");
        yield return new TestCaseData(Cast.SupplierC, "FORBIDDEN").SetName("GetDealTerms_OtherPartyOfTheSellersMsp_Forbidden");
        yield return new TestCaseData(Cast.Stranger, "FORBIDDEN").SetName("GetDealTerms_UnregisteredIdentityOfTheSellersMsp_Forbidden");
        yield return new TestCaseData(Cast.CoreCorp, "FORBIDDEN").SetName("GetDealTerms_TheBillsDrawer_Forbidden");
        yield return new TestCaseData(Cast.Dormant, "FORBIDDEN").SetName("GetDealTerms_SuspendedParty_Forbidden");
        yield return new TestCaseData(Cast.Outsider, "FORBIDDEN").SetName("GetDealTerms_Outsider_Forbidden");
    }

    [TestCaseSource(nameof(TermsReaders))]
    [CancelAfter(10_000)]
    public async Task GetDealTerms_Caller_Outcome(string actor, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 275);

        // Act
        var result = await market.EvaluateAsync(actor, "GetDealTerms", "D1");

        // Assert
        if (expectedCode is not null)
        {
            Expect.Refused(result, expectedCode);
            Assert.That(result.PayloadText, Does.Not.Contain("rateBps"));
            return;
        }

        Expect.Success(result);
        Assert.That(result.PayloadText, Is.EqualTo("{\"days\":null,\"interest\":null,\"paymentRef\":null,\"payout\":null,\"rateBps\":275}"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTerms_SuspendedSeller_Forbidden()
    {
        // Arrange: GetDealTerms is not one of the public queries a caller without an active party may evaluate.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 275);
        await market.SuspendAsync(Cast.SupplierA);

        // Act
        var result = await market.EvaluateAsync(Cast.SupplierA, "GetDealTerms", "D1");

        // Assert
        Expect.Refused(result, "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTerms_EnterpriseSellerUnderABankMsp_TheBankItselfIsForbidden()
    {
        // Arrange: CoreCorp acts under BankAMSP and sells to BankC; BankAMSP's peers store the terms, yet
        // BankA (the institution of that MSP) and its staff are not parties to the deal.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.CoreCorp);
        await market.RequestDiscountAsync(Cast.CoreCorp, "D1", B1, Cast.BankC, 310);

        // Act
        var bank = await market.EvaluateAsync(Cast.BankA, "GetDealTerms", "D1");
        var staff = await market.EvaluateAsync(Cast.BankAStaff, "GetDealTerms", "D1");
        var seller = await market.EvaluateAsync(Cast.CoreCorp, "GetDealTerms", "D1");

        // Assert
        Expect.Refused(bank, "FORBIDDEN");
        Expect.Refused(staff, "FORBIDDEN");
        Expect.Success(seller);
        Assert.That(market.PrivateData.All.Where(a => a.Kind == PrivateDataAccessKind.Write).Select(a => a.Collection).Distinct(), Is.EqualTo(new[] { "terms_BankAMSP_BankCMSP" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTerms_UnknownDeal_NotFound()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Regulator, "GetDealTerms", "NoSuchDeal");

        // Assert
        Expect.Refused(result, "NOT_FOUND");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task DealFlow_EveryResponseEventAndPublicValue_CarriesNoTerms()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.IssueAcceptedAsync("B2");
        await market.IssueAcceptedAsync("B3");
        var results = new List<TransactionResult>
        {
            await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(4321)),
            await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", "B2", Cast.BankB, 300_000)], Args.Terms(4321)),
            await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D3", "B3", Cast.BankA)], Args.Terms(4321)),
        };

        // Act
        results.Add(await market.SubmitAsync(Cast.BankC, "AcceptDeal", "D1"));
        results.Add(await market.SubmitAsync(Cast.BankB, "AcceptDeal", "D2"));
        results.Add(await market.SubmitAsync(Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement(SecretPaymentRef)));
        results.Add(await market.SubmitAsync(Cast.BankB, "RejectDeal", "D2", "no limit"));
        results.Add(await market.SubmitAsync(Cast.SupplierA, "CancelDeal", "D3", "no need"));
        results.Add(await market.SubmitAsync(Cast.BankC, "RequestRediscount", [Args.Deal("D4", B1, Cast.BankB)], Args.Terms(4321)));
        results.Add(await market.SubmitAsync(Cast.BankB, "AcceptDeal", "D4"));
        results.Add(await market.SubmitAsync(Cast.Exchange, "SettleDeal", ["D4"], Args.Settlement(SecretPaymentRef + "-2")));
        foreach (var id in new[] { "D1", "D2", "D3", "D4" })
        {
            results.Add(await market.EvaluateAsync(Cast.Stranger, "GetDeal", id));
        }

        results.Add(await market.EvaluateAsync(Cast.Stranger, "GetBill", B1));
        results.Add(await market.EvaluateAsync(Cast.Stranger, "GetBillHistory", B1));
        results.Add(await market.EvaluateAsync(Cast.Stranger, "ListBills", "{}", "1000", string.Empty));

        // Assert
        var texts = results.Select(r => ("response", r.PayloadText))
            .Concat(market.Ledger.Events.Select(e => ("event " + e.Event.Name, e.Event.PayloadText)))
            .Concat(market.Bills.GetStateByRange(string.Empty, string.Empty).Select(kv => ("state " + WorldSnapshot.Printable(kv.Key), Encoding.UTF8.GetString(kv.Value.Span))))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.All(r => r.IsSuccess), Is.True, () => string.Join("; ", results.Where(r => !r.IsSuccess)));
            foreach (var (where, text) in texts)
            {
                Assert.That(text, Does.Not.Contain("rateBps").And.Not.Contain("\"payout\"").And.Not.Contain("\"interest\"").And.Not.Contain(SecretPaymentRef), where);
            }
        }
    }

    public static IEnumerable<TestCaseData> Collections()
    {
        yield return new TestCaseData(Cast.SupplierA, Cast.BankC, "terms_BankCMSP_EnterpriseMSP").SetName("RequestDiscount_EnterpriseMspToBankC_TermsInTermsBankCMspEnterpriseMsp");
        yield return new TestCaseData(Cast.SupplierB, Cast.BankA, "terms_BankAMSP_BankBMSP").SetName("RequestDiscount_BankBMspEnterpriseToBankA_TermsInTermsBankAMspBankBMsp");
        yield return new TestCaseData(Cast.CoreCorp, Cast.BankA, "terms_BankAMSP").SetName("RequestDiscount_SameMspBothSides_TermsInTermsBankAMsp");
    }

    [TestCaseSource(nameof(Collections))]
    [CancelAfter(10_000)]
    public async Task DealFlow_SellerAndBuyerMsps_TermsOnlyInTheirCollection(string seller, string buyer, string collection)
    {
        // Arrange: the seller holds the bill.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        if (seller != Cast.SupplierA)
        {
            await market.EndorseAsync(Cast.SupplierA, B1, seller);
        }

        // Act
        await market.DiscountAsync(seller, "D1", B1, buyer);

        // Assert
        var writes = market.PrivateData.All.Where(a => a.Kind is PrivateDataAccessKind.Write or PrivateDataAccessKind.Delete or PrivateDataAccessKind.Purge).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(writes, Is.Not.Empty, "the terms live in private data");
            Assert.That(writes.Select(w => w.Collection).Distinct(), Is.EqualTo(new[] { collection }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Rediscount_BetweenBanks_TermsInTheBanksCollection()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);
        var writesBefore = market.PrivateData.All.Count;

        // Act
        await market.RequestRediscountAsync(Cast.BankC, "D2", B1, Cast.BankB, 250);
        await market.AcceptDealAsync(Cast.BankB, "D2");
        await market.SettleAsync("D2");

        // Assert
        var written = market.PrivateData.All.Skip(writesBefore).Where(a => a.Kind == PrivateDataAccessKind.Write).Select(a => a.Collection).Distinct();
        Assert.That(written, Is.EqualTo(new[] { "terms_BankBMSP_BankCMSP" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTerms_AtABystanderOrgsPeer_OnlyTheHashIsThere()
    {
        // Arrange: D1 between EnterpriseMSP and BankCMSP; BankBMSP is a bystander.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 275);
        const string terms = "{\"days\":null,\"interest\":null,\"paymentRef\":null,\"payout\":null,\"rateBps\":275}";

        // Act
        var atRegulatorsPeer = await market.EvaluateAtAsync(Cast.RegulatorMsp, Cast.Regulator, "GetDealTerms", "D1");
        var atBystandersPeer = await market.EvaluateAtAsync(Cast.BankBMsp, Cast.Regulator, "GetDealTerms", "D1");
        var publicAtBystander = await market.EvaluateAtAsync(Cast.BankBMsp, Cast.BankB, "GetDeal", "D1");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atRegulatorsPeer.PayloadText, Is.EqualTo(terms), "the regulator's org is a member: it sees through");
            Assert.That(atBystandersPeer.PayloadText, Does.Not.Contain("rateBps"), "a bystander's peer has no terms to give");
            Assert.That(publicAtBystander.IsSuccess, Is.True, publicAtBystander.Message);
            Assert.That(Read.Deal(publicAtBystander).TermsHash, Is.EqualTo(Hashes.Sha256Hex(terms)), "the bystander sees the hash of the terms");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TermsCollections_DefinedForEveryPairOfTradingMsps_AsNamedByTheRulebook()
    {
        // Arrange + Act
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);

        // Assert: the harness defines what the network defines (names in code-point order, terms_X when X = Y).
        Assert.That(market.TermsCollections, Is.EquivalentTo(new[]
        {
            "terms_BankAMSP", "terms_BankAMSP_BankBMSP", "terms_BankAMSP_BankCMSP", "terms_BankAMSP_EnterpriseMSP",
            "terms_BankBMSP", "terms_BankBMSP_BankCMSP", "terms_BankBMSP_EnterpriseMSP",
            "terms_BankCMSP", "terms_BankCMSP_EnterpriseMSP", "terms_EnterpriseMSP",
        }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DealFlow_EndorsedByTheExchangeAndBuyerPeersOnly_CommitsValid()
    {
        // Arrange: the seller acts under EnterpriseMSP, which has no peers; the gateway sends the terms only
        // to collection members, so the exchange's and the buyer's peers must be able to endorse the deal.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        market.Endorsers = [Cast.ExchangeMsp, Cast.BankCMsp];

        // Act
        var results = new[]
        {
            await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], Args.Terms(300)),
            await market.SubmitAsync(Cast.BankC, "AcceptDeal", "D1"),
            await market.SubmitAsync(Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement("PAY-1")),
        };

        // Assert
        Assert.That(results.Select(r => r.ValidationCode), Is.All.EqualTo(ValidationCode.Valid), () => string.Join("; ", results.Select(r => r.ToString())));
    }
}
