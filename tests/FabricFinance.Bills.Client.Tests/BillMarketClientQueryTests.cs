using System.Text.Json;
using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>Queries are evaluated, decoded into the model's records, and paged.</summary>
public sealed class BillMarketClientQueryTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillAsync_SubBill_EvaluatesAndDecodesTheBill()
    {
        // Arrange
        using var market = new TestMarket();
        var bill = Samples.Bill("B1.2.1");
        market.Fake.Handler = _ => FakeOutcome.Ok(bill);

        // Act
        var read = await market.Market.GetBillAsync("B1.2.1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.SingleProposal.Function, Is.EqualTo("GetBill"));
            Assert.That(market.SingleProposal.Args, Is.EqualTo(new[] { "B1.2.1" }));
            Assert.That(market.Fake.Methods, Is.EqualTo(new[] { "Evaluate" }));
            Assert.That(BillJson.SerializeToUtf8Bytes(read), Is.EqualTo(BillJson.SerializeToUtf8Bytes(bill)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillHistoryAsync_Versions_DecodesOldestFirst()
    {
        // Arrange
        using var market = new TestMarket();
        IReadOnlyList<BillHistoryEntry> history =
        [
            new("tx1", "2026-01-05T02:00:00.000Z", false, Samples.Bill(status: BillStatus.PendingAcceptance, version: 1)),
            new("tx2", "2026-01-06T02:00:00.000Z", false, Samples.Bill(version: 2)),
        ];
        market.Fake.Handler = _ => FakeOutcome.Ok(history);

        // Act
        var read = await market.Market.GetBillHistoryAsync("B1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.TxId), Is.EqualTo(new[] { "tx1", "tx2" }));
            Assert.That(read.Select(e => e.Value!.Version), Is.EqualTo(new[] { 1L, 2L }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListBillsAsync_Defaults_SendsEmptyFilterPageSizeAndEmptyBookmark()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(new BillPage([Samples.Bill()], "B2"));

        // Act
        var page = await market.Market.ListBillsAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.SingleProposal.Args, Is.EqualTo(new[] { "{}", "100", "" }));
            Assert.That(page.Bills, Has.Count.EqualTo(1));
            Assert.That(page.Bookmark, Is.EqualTo("B2"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListBillsAsync_Filter_SendsOnlyTheCriteriaGiven()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(new BillPage([], ""));

        // Act
        await market.Market.ListBillsAsync(new BillFilter(Holder: "SupplierA", Status: BillStatus.InDeal, DueFrom: new DateOnly(2026, 1, 1)), 25, "B5");

        // Assert
        Assert.That(
            market.SingleProposal.Args,
            Is.EqualTo(new[] { """{"holder":"SupplierA","status":"InDeal","dueFrom":"2026-01-01"}""", "25", "B5" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListAllBillsAsync_ThreePages_WalksEveryPageInOrder()
    {
        // Arrange
        using var market = new TestMarket();
        var pages = new Dictionary<string, BillPage>
        {
            [""] = new([Samples.Bill("B1"), Samples.Bill("B2")], "B3"),
            ["B3"] = new([Samples.Bill("B3"), Samples.Bill("B4")], "B5"),
            ["B5"] = new([Samples.Bill("B5")], ""),
        };
        market.Fake.Handler = p => FakeOutcome.Ok(pages[p.Args[2]]);

        // Act
        var bills = await market.Market.ListAllBillsAsync(new BillFilter(Status: BillStatus.Active), pageSize: 2).ToListAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(bills.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B2", "B3", "B4", "B5" }));
            Assert.That(market.Fake.Proposals.Select(p => p.Args[2]), Is.EqualTo(new[] { "", "B3", "B5" }));
            Assert.That(market.Fake.Proposals.Select(p => p.Args[1]), Is.All.EqualTo("2"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void ListAllBillsAsync_SameBookmarkTwice_ThrowsInsteadOfLoopingForever()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Ok(new BillPage([Samples.Bill()], "B2"));

        // Act
        var thrown = Assert.CatchAsync<InvalidOperationException>(async () => await market.Market.ListAllBillsAsync().ToListAsync());

        // Assert
        Assert.That(thrown!.Message, Does.Contain("B2"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListPartiesAsync_Parties_Decodes()
    {
        // Arrange
        using var market = new TestMarket();
        IReadOnlyList<Party> parties = [Samples.Party("Exchange", PartyKind.Exchange), Samples.Party("CoreCorp")];
        market.Fake.Handler = _ => FakeOutcome.Ok(parties);

        // Act
        var read = await market.Market.ListPartiesAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.SingleProposal.Args, Is.Empty);
            Assert.That(read, Is.EqualTo(parties));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTermsAsync_CanonicalJson_DecodesTerms()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Json("""{"days":120,"interest":116667,"paymentRef":null,"payout":9883333,"rateBps":350}""");

        // Act
        var terms = await market.Market.GetDealTermsAsync("D1");

        // Assert
        Assert.That(terms, Is.EqualTo(new DealTerms(120, 116_667, null, 9_883_333, 350)));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealTermsAsync_DealTermsOrganizations_TargetsThoseOrgsPeersOnly()
    {
        // Arrange
        using var market = new TestMarket();
        var options = new BillMarketClientOptions { DealTermsOrganizations = { "ExchangeMSP" } };
        var client = new BillMarketClient(market.Network, options);
        market.Fake.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(Samples.Deal()) : FakeOutcome.Ok(DealTerms.Proposed(350));

        // Act
        await client.GetVerifiedDealTermsAsync("D1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(market.Fake.ProposalsOf("GetDealTerms").Single().TargetOrganizations, Is.EqualTo(new[] { "ExchangeMSP" }));
            Assert.That(market.Fake.ProposalsOf("GetDeal").Single().TargetOrganizations, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetVerifiedDealTermsAsync_HashMatches_ReturnsDealAndTerms()
    {
        // Arrange
        using var market = new TestMarket();
        var terms = new DealTerms(120, 116_667, null, 9_883_333, 350);
        var deal = Samples.Deal(status: DealStatus.Accepted, termsHash: terms.ComputeHash());
        market.Fake.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(deal) : FakeOutcome.Ok(terms);

        // Act
        var verified = await market.Market.GetVerifiedDealTermsAsync("D1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(verified.Terms, Is.EqualTo(terms));
            Assert.That(verified.Deal.TermsHash, Is.EqualTo(terms.ComputeHash()));
            Assert.That(market.Fake.Proposals.Select(p => p.Function), Is.EqualTo(new[] { "GetDeal", "GetDealTerms" }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void GetVerifiedDealTermsAsync_HashDiffersOnAnUnchangedDeal_ThrowsMismatch()
    {
        // Arrange
        using var market = new TestMarket();
        var deal = Samples.Deal(status: DealStatus.Accepted, termsHash: new string('0', 64));
        var terms = new DealTerms(120, 116_667, null, 9_883_333, 350);
        market.Fake.Handler = p => p.Function == "GetDeal" ? FakeOutcome.Ok(deal) : FakeOutcome.Ok(terms);

        // Act
        var thrown = Assert.CatchAsync<DealTermsMismatchException>(() => market.Market.GetVerifiedDealTermsAsync("D1"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.DealId, Is.EqualTo("D1"));
            Assert.That(thrown.PublicHash, Is.EqualTo(new string('0', 64)));
            Assert.That(thrown.ComputedHash, Is.EqualTo(terms.ComputeHash()));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetVerifiedDealTermsAsync_DealAcceptedBetweenReads_ReadsAgainAndVerifies()
    {
        // Arrange: the deal is read while Requested, the terms after the buyer accepted.
        using var market = new TestMarket();
        var proposed = DealTerms.Proposed(350);
        var accepted = proposed.ComputedFor(10_000_000, new DateOnly(2026, 3, 3), new DateOnly(2026, 6, 30));
        var dealReads = 0;
        market.Fake.Handler = p => p.Function == "GetDeal"
            ? FakeOutcome.Ok(++dealReads == 1
                ? Samples.Deal(status: DealStatus.Requested, termsHash: proposed.ComputeHash(), version: 1)
                : Samples.Deal(status: DealStatus.Accepted, termsHash: accepted.ComputeHash(), version: 2))
            : FakeOutcome.Ok(accepted);

        // Act
        var verified = await market.Market.GetVerifiedDealTermsAsync("D1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(verified.Deal.Version, Is.EqualTo(2));
            Assert.That(verified.Terms, Is.EqualTo(accepted));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void GetBillAsync_PayloadIsNotABill_ThrowsJsonException()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.Handler = _ => FakeOutcome.Json("""{"id":"B1"}""");

        // Act
        var thrown = Assert.CatchAsync<JsonException>(() => market.Market.GetBillAsync("B1"));

        // Assert
        Assert.That(thrown!.Message, Does.StartWith("GetBill returned a payload that is not a Bill"));
    }
}
