using System.Security.Cryptography;
using System.Text;
using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Deal terms: only in the pair's collection, hashed publicly in canonical form, readable by four parties on member peers.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class DealTermsPrivacyTests
{
    // Supplier (EnterpriseMSP) sells to BankB (BankBMSP); BankC's org is a bystander.
    private static readonly string Collection = TermsCollections.For(EnterpriseMsp, BankBMsp);

    [Test]
    public async Task RequestDiscount_Terms_OnlyInThePairsCollectionUnderTheDealId()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();

        // Act
        var deal = Read<Deal>(await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300)));

        // Assert
        const string proposed = """{"days":null,"interest":null,"paymentRef":null,"payout":null,"rateBps":300}""";
        Assert.That(Collection, Is.EqualTo("terms_BankBMSP_EnterpriseMSP"));
        Assert.That(Encoding.UTF8.GetString(market.Bills.GetPrivateData(Collection, "D1")!), Is.EqualTo(proposed));
        Assert.That(deal.TermsHash, Is.EqualTo(Sha256Hex(proposed)));
        Assert.That(Convert.ToHexStringLower(market.Bills.GetPrivateDataHash(Collection, "D1")!), Is.EqualTo(deal.TermsHash), "what every peer holds is the hash");
        foreach (var other in market.Bills.Deployment.Collections.Where(c => c.Name != Collection))
        {
            Assert.That(market.Bills.GetPrivateDataHash(other.Name, "D1"), Is.Null, other.Name);
        }

        Assert.That(market.Bills.GetStateByRange(string.Empty, string.Empty).Concat(market.Bills.GetStateByRange("\0", "\U0010FFFF")).Select(kv => Encoding.UTF8.GetString(kv.Value.Span)),
            Has.None.Contains("rateBps"), "no public state carries the terms");
    }

    [Test]
    public async Task AcceptAndSettle_Terms_ComputedThenRecomputedWithTheirHashesPublished()
    {
        // Arrange: 1,000,000 fen at 300 bps; accepted 91 days before the due date, settled 2 days later.
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));

        // Act
        var accepted = Read<Deal>(await market.MustAsync(BankB, "AcceptDeal", "D1"));
        var acceptedTerms = (await market.EvaluateAsync(Regulator, "GetDealTerms", "D1")).PayloadText;
        market.Now = market.Now.AddDays(2);
        var settled = Read<Deal>(await market.MustAsync(Exchange, "SettleDeal", ["D1"], Settlement("PAY-7:x/1")));
        var settledTerms = (await market.EvaluateAsync(Regulator, "GetDealTerms", "D1")).PayloadText;

        // Assert: 1e6 * 300 * 91 / 3.6e6 = 7583.33 -> 7583; with 89 days 7416.67 -> 7417.
        Assert.That(acceptedTerms, Is.EqualTo("""{"days":91,"interest":7583,"paymentRef":null,"payout":992417,"rateBps":300}"""));
        Assert.That(settledTerms, Is.EqualTo("""{"days":89,"interest":7417,"paymentRef":"PAY-7:x/1","payout":992583,"rateBps":300}"""));
        Assert.That(accepted.TermsHash, Is.EqualTo(Sha256Hex(acceptedTerms)));
        Assert.That(settled.TermsHash, Is.EqualTo(Sha256Hex(settledTerms)));
        Assert.That((settled.Status, settled.AcceptDate, settled.SettleDate, settled.Version), Is.EqualTo((DealStatus.Settled, (DateOnly?)new DateOnly(2026, 3, 2), (DateOnly?)new DateOnly(2026, 3, 4), 3L)));
    }

    [TestCase("EnterpriseMSP")]
    [TestCase("BankBMSP")]
    [TestCase("ExchangeMSP")]
    [TestCase("RegulatorMSP")]
    public async Task GetDealTerms_RegulatorAtAMembersPeer_GetsTheCanonicalTerms(string peer)
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));

        // Act
        var terms = await market.EvaluateAtAsync(peer, Regulator, "GetDealTerms", "D1");

        // Assert
        Assert.That(terms.PayloadText, Is.EqualTo("""{"days":null,"interest":null,"paymentRef":null,"payout":null,"rateBps":300}"""));
    }

    [Test]
    public async Task GetDealTerms_AtABystandersPeer_IsNotFoundThere()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));

        // Act: BankCMSP's peer holds only the hash.
        var result = await market.EvaluateAtAsync(BankCMsp, Regulator, "GetDealTerms", "D1");

        // Assert
        Assert.That(result.Message, Does.StartWith("NOT_FOUND: the terms of deal D1 are not available on this peer (collection terms_BankBMSP_EnterpriseMSP)"));
    }

    [Test]
    public async Task GetDealTerms_OnlySellerBuyerExchangeAndRegulator_AreAllowed()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));
        var allowed = new[] { Supplier, BankB, Exchange, Regulator };
        var refused = new[] { Supplier2, BankC, BankA, CoreCorp, Stranger };

        // Act
        var granted = new List<int>();
        foreach (var who in allowed)
        {
            granted.Add((await market.EvaluateAsync(who, "GetDealTerms", "D1")).Status);
        }

        var denied = new List<string>();
        foreach (var who in refused)
        {
            denied.Add((await market.EvaluateAtAsync(BankCMsp, who, "GetDealTerms", "D1")).Message);
        }

        // Assert: Supplier2 shares Supplier's MSP (its peers store the terms) but is another party; the check runs before any private read.
        Assert.That(granted, Is.All.EqualTo(200));
        Assert.That(denied, Is.All.StartsWith("FORBIDDEN: only the seller Supplier, the buyer BankB, the exchange and the regulator may read the terms of deal D1; "));
    }

    [TestCase("CancelDeal")]
    [TestCase("RejectDeal")]
    [TestCase("ExpireDeal")]
    public async Task ClosingADeal_AtABystandersPeer_ReadsNoPrivateData(string function)
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], Terms(300));
        await market.MustAsync(BankB, "AcceptDeal", "D1");
        market.Now = market.Now.AddDays(4);
        var (who, arguments) = function switch
        {
            "CancelDeal" => (Supplier, new[] { "D1", "no longer needed" }),
            "RejectDeal" => (BankB, new[] { "D1", "limit reached" }),
            _ => (BankC, new[] { "D1" }),
        };

        // Act: a peer outside the collection refuses any read of the terms.
        var result = await market.SubmitAsync(who, function, arguments, null, peer: BankCMsp);

        // Assert
        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That((await market.GetBillAsync("B1")).Status, Is.EqualTo(BillStatus.Active));
        Assert.That(Read<Deal>(result).TermsHash, Is.EqualTo((await market.GetDealAsync("D1")).TermsHash));
    }

    [TestCase(null, "INVALID_ARGUMENT: deal D1 needs the transient terms (transient key 'terms').")]
    [TestCase("""{"rateBps":300,"note":"x"}""", "INVALID_ARGUMENT: the transient terms of deal D1 is not a valid TermsProposal")]
    [TestCase("""{"rateBps":3.5}""", "INVALID_ARGUMENT: the transient terms of deal D1 is not a valid TermsProposal")]
    [TestCase("""{"rateBps":10001}""", "INVALID_ARGUMENT: transient terms of deal D1: rateBps 10001 is out of range: a rate is 1 to 10000 basis points.")]
    public async Task RequestDiscount_MissingOrMalformedTerms_IsInvalidArgument(string? terms, string message)
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync();
        var transient = terms is null ? null : new Dictionary<string, string> { ["terms"] = terms };

        // Act
        var result = await market.SubmitAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB"))], transient);

        // Assert
        Assert.That(result.Message, Does.StartWith(message));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
