using System.Text.Json.Nodes;
using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, the query table: GetBill (sub-bill ids accepted), GetBillHistory (oldest first, RFC 3339
/// UTC timestamps with milliseconds, the bill as of each version), ListBills (filters combined, due
/// dates inclusive, ordered by id, page size 1 to 1000, bookmark "" after the last page), GetParty,
/// ListParties, GetDeal; all public to every caller, even one with no active party.
/// </summary>
[TestFixture]
public sealed class QueryRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    public static IEnumerable<TestCaseData> PublicQueries()
    {
        (string Query, string[] Arguments)[] queries =
        [
            ("GetBill", [B1]),
            ("GetBill", ["B1.2"]),
            ("GetBillHistory", [B1]),
            ("ListBills", ["{}", "10", string.Empty]),
            ("GetParty", [Cast.SupplierA]),
            ("ListParties", []),
            ("GetDeal", ["D1"]),
        ];
        foreach (var (query, arguments) in queries)
        {
            foreach (var caller in new[] { Cast.Stranger, Cast.Outsider, Cast.Dormant, Cast.Regulator, Cast.BankB, Cast.SupplierC, Cast.Exchange })
            {
                yield return new TestCaseData(query, arguments, caller).SetName($"{query}_{(arguments.Length > 0 ? arguments[0].Replace(".", "_", StringComparison.Ordinal).Replace("{}", "All", StringComparison.Ordinal) : "All")}By{caller}_Succeeds");
            }
        }
    }

    [TestCaseSource(nameof(PublicQueries))]
    [CancelAfter(10_000)]
    public async Task PublicQuery_AnyCaller_SameAnswerAsTheRegulator(string query, string[] arguments, string caller)
    {
        // Arrange: B1 split (B1.1 to SupplierB), B1.2 offered to BankC as deal D1.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierB, 300_000);
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", "B1.2", Cast.BankC, 300);

        // Act
        var result = await market.EvaluateAsync(caller, query, arguments);
        var reference = await market.EvaluateAsync(Cast.Regulator, query, arguments);

        // Assert
        Expect.Success(result);
        Assert.That(result.PayloadText, Is.EqualTo(reference.PayloadText));
    }

    public static IEnumerable<TestCaseData> UnknownRecords()
    {
        yield return new TestCaseData("GetBill", "NoSuchBill").SetName("GetBill_Unknown_NotFound");
        yield return new TestCaseData("GetBill", "B1.1").SetName("GetBill_UnknownSubBill_NotFound");
        yield return new TestCaseData("GetBillHistory", "NoSuchBill").SetName("GetBillHistory_Unknown_NotFound");
        yield return new TestCaseData("GetParty", "Ghost").SetName("GetParty_Unknown_NotFound");
        yield return new TestCaseData("GetDeal", "NoSuchDeal").SetName("GetDeal_Unknown_NotFound");
    }

    [TestCaseSource(nameof(UnknownRecords))]
    [CancelAfter(10_000)]
    public async Task Query_UnknownRecord_NotFound(string query, string id)
    {
        // Arrange: B1 exists, whole.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, query, id);

        // Assert
        Expect.Refused(result, "NOT_FOUND");
        Assert.That(result.Message, Does.Contain(id), "the sentence names what was not found");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillHistory_ThreeVersions_OldestFirstWithRfc3339MillisecondTimestamps()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(start: new DateTimeOffset(2026, 3, 2, 2, 0, 0, 123, TimeSpan.Zero));
        var issue = await market.MustAsync(Cast.CoreCorp, "IssueBill", [Args.Issue(B1, Cast.SupplierA, Cast.BankA, 1_000_000, BillMarketHarness.StandardDueDate)]);
        market.Now = new DateTimeOffset(2026, 3, 3, 3, 6, 37, 469, TimeSpan.Zero);
        var accept = await market.MustAsync(Cast.BankA, "AcceptBill", [B1]);
        market.Now = new DateTimeOffset(2026, 3, 4, 5, 0, 0, 0, TimeSpan.Zero);
        var endorse = await market.MustAsync(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]);

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "GetBillHistory", B1);

        // Assert
        Expect.Success(result);
        var history = Read.History(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(history.Select(h => h.TxId), Is.EqualTo(new[] { issue.TransactionId, accept.TransactionId, endorse.TransactionId }), "oldest first");
            Assert.That(history.Select(h => h.Timestamp), Is.EqualTo(new[] { "2026-03-02T02:00:00.123Z", "2026-03-03T03:06:37.469Z", "2026-03-04T05:00:00.000Z" }));
            Assert.That(history.Select(h => h.IsDelete), Is.All.False);
            Assert.That(history.Select(h => h.Value?.Version), Is.EqualTo(new long?[] { 1, 2, 3 }));
            Assert.That(history.Select(h => h.Value?.Status), Is.EqualTo(new BillStatus?[] { BillStatus.PendingAcceptance, BillStatus.Active, BillStatus.Active }));
            Assert.That(history.Select(h => h.Value?.Holder), Is.EqualTo(new[] { Cast.CoreCorp, Cast.SupplierA, Cast.SupplierB }));
            Assert.That(Args.Json(history[0].Value), Is.EqualTo(Args.Json(Read.Bill(issue))), "each value is the bill as of that version");
            Assert.That(Args.Json(history[1].Value), Is.EqualTo(Args.Json(Read.Bill(accept))));
            Assert.That(Args.Json(history[2].Value), Is.EqualTo(Args.Json(Read.Bill(endorse))));
            Assert.That(result.PayloadText, Does.Contain("\"timestamp\":\"2026-03-03T03:06:37.469Z\"").And.Contain("\"isDelete\":false").And.Contain("\"txId\":"));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillHistory_SubBill_StartsAtItsCreation()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var split = await market.MustAsync(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "400000"]);

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "GetBillHistory", "B1.1");

        // Assert
        Expect.Success(result);
        var history = Read.History(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(history.Select(h => h.TxId), Is.EqualTo(new[] { split.TransactionId }));
            Assert.That(history[0].Value?.Version, Is.EqualTo(1));
        }
    }

    public static IEnumerable<TestCaseData> Filters()
    {
        yield return Case("All", "{}", "B1", "B2", "B3", "B4", "B5");
        yield return Case("AllWithNullFields", "{\"holder\":null,\"status\":null,\"acceptor\":null,\"dueFrom\":null,\"dueTo\":null}", "B1", "B2", "B3", "B4", "B5");
        yield return Case("Holder", "{\"holder\":\"SupplierA\"}", "B1", "B4");
        yield return Case("HolderDrawerOfPendingBills", "{\"holder\":\"CoreCorp\"}", "B2");
        yield return Case("StatusActive", "{\"status\":\"Active\"}", "B1", "B3");
        yield return Case("StatusPending", "{\"status\":\"PendingAcceptance\"}", "B2", "B5");
        yield return Case("StatusInDeal", "{\"status\":\"InDeal\"}", "B4");
        yield return Case("Acceptor", "{\"acceptor\":\"BankA\"}", "B1", "B2");
        yield return Case("CommercialAcceptor", "{\"acceptor\":\"CoreCorp\"}", "B5");
        yield return Case("DueFromInclusive", "{\"dueFrom\":\"2026-06-01\"}", "B1", "B3", "B4");
        yield return Case("DueToInclusive", "{\"dueTo\":\"2026-05-15\"}", "B2", "B5");
        yield return Case("DueWindowInclusive", "{\"dueFrom\":\"2026-05-15\",\"dueTo\":\"2026-06-01\"}", "B1", "B2", "B4");
        yield return Case("DueWindowOfOneDay", "{\"dueFrom\":\"2026-07-01\",\"dueTo\":\"2026-07-01\"}", "B3");
        yield return Case("HolderAndStatus", "{\"holder\":\"SupplierA\",\"status\":\"InDeal\"}", "B4");
        yield return Case("AcceptorAndDue", "{\"acceptor\":\"BankA\",\"dueFrom\":\"2026-06-01\"}", "B1");
        yield return Case("HolderOfACommercialBill", "{\"holder\":\"SupplierC\"}", "B5");
        yield return Case("NoMatch", "{\"holder\":\"BankA\"}");

        static TestCaseData Case(string name, string filter, params string[] ids) =>
            new TestCaseData(filter, ids).SetName($"ListBills_Filter{name}_MatchingBillsById");
    }

    [TestCaseSource(nameof(Filters))]
    [CancelAfter(10_000)]
    public async Task ListBills_Filter_MatchingBillsInIdOrder(string filter, string[] expectedIds)
    {
        // Arrange
        var market = await ArrangeFiveBillsAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "ListBills", filter, "100", string.Empty);

        // Assert
        Expect.Success(result);
        var page = Read.Page(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Bills.Select(b => b.Id), Is.EqualTo(expectedIds));
            Assert.That(page.Bookmark, Is.Empty, "one page holds them all: the bookmark is empty");
        }
    }

    public static IEnumerable<TestCaseData> Pages()
    {
        yield return new TestCaseData("{}", 2, new[] { new[] { "B1", "B2" }, ["B3", "B4"], ["B5"] }).SetName("ListBills_FiveBillsPagesOf2_ThreePagesLastBookmarkEmpty");
        yield return new TestCaseData("{}", 5, new[] { new[] { "B1", "B2", "B3", "B4", "B5" } }).SetName("ListBills_FiveBillsPageOf5_OnePageBookmarkEmpty");
        yield return new TestCaseData("{}", 1, new[] { new[] { "B1" }, ["B2"], ["B3"], ["B4"], ["B5"] }).SetName("ListBills_FiveBillsPagesOf1_FivePages");
        yield return new TestCaseData("{\"status\":\"PendingAcceptance\"}", 1, new[] { new[] { "B2" }, ["B5"] }).SetName("ListBills_FilteredPagesOf1_TwoPagesLastBookmarkEmpty");
        yield return new TestCaseData("{\"status\":\"Active\"}", 2, new[] { new[] { "B1", "B3" } }).SetName("ListBills_FilteredExactPage_OnePageBookmarkEmpty");
        yield return new TestCaseData("{\"holder\":\"SupplierA\"}", 1, new[] { new[] { "B1" }, ["B4"] }).SetName("ListBills_FilteredSparsePages_TwoPagesLastBookmarkEmpty");
    }

    [TestCaseSource(nameof(Pages))]
    [CancelAfter(10_000)]
    public async Task ListBills_Pagination_PagesInOrderAndEmptyBookmarkAfterTheLast(string filter, int pageSize, string[][] expectedPages)
    {
        // Arrange
        var market = await ArrangeFiveBillsAsync();
        var pages = new List<string[]>();
        var bookmarks = new List<string>();
        var bookmark = string.Empty;

        // Act
        for (var i = 0; i < 10; i++)
        {
            var result = await market.EvaluateAsync(Cast.Stranger, "ListBills", filter, Args.Number(pageSize), bookmark);
            Expect.Success(result);
            var page = Read.Page(result);
            pages.Add([.. page.Bills.Select(b => b.Id)]);
            bookmarks.Add(page.Bookmark);
            bookmark = page.Bookmark;
            if (bookmark.Length == 0)
            {
                break;
            }
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages, Is.EqualTo(expectedPages));
            Assert.That(bookmarks[..^1], Is.All.Not.Empty, "every page but the last has a bookmark");
            Assert.That(bookmarks[^1], Is.Empty, "the bookmark is empty after the last page");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ListBills_NoBills_EmptyPageEmptyBookmark()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "ListBills", "{}", "10", string.Empty);

        // Assert
        Expect.Success(result);
        Assert.That(result.PayloadText, Is.EqualTo("{\"bills\":[],\"bookmark\":\"\"}"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDeal_Requested_PublicRecordOnly()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var requested = await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);

        // Act
        var result = await market.EvaluateAsync(Cast.Stranger, "GetDeal", "D1");

        // Assert
        Expect.Success(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Args.Json(Read.Deal(result)), Is.EqualTo(Args.Json(requested)));
            foreach (var field in new[] { "id", "kind", "billId", "seller", "buyer", "amount", "status", "requestDate", "acceptDate", "settleDate", "termsHash", "version" })
            {
                Assert.That(result.PayloadText, Does.Contain($"\"{field}\":"), field);
            }
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetParty_Known_ThePartyRecord()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Outsider, "GetParty", Cast.SupplierB);

        // Assert
        Expect.Success(result);
        Assert.That(Read.Party(result), Is.EqualTo(new Party(Cast.SupplierB, PartyKind.Enterprise, Cast.BankBMsp, Cast.SubjectOf(Cast.SupplierB), "Supplier B", PartyStatus.Active)));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Records_AsReturned_CamelCaseKeysInOneFixedOrderWithTheRulebookFields()
    {
        // Arrange: bills in several states (a split among them), deals, parties.
        var market = await ArrangeFiveBillsAsync();
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierC, 100);
        await market.RequestDiscountAsync(Cast.SupplierC, "D9", "B1.1", Cast.BankA, 300);

        // Act
        var bills = JsonNode.Parse((await market.EvaluateAsync(Cast.Stranger, "ListBills", "{}", "100", string.Empty)).PayloadText)!["bills"]!.AsArray();
        var deals = new List<JsonObject>();
        foreach (var id in new[] { "D4", "D9" })
        {
            deals.Add(JsonNode.Parse((await market.EvaluateAsync(Cast.Stranger, "GetDeal", id)).PayloadText)!.AsObject());
        }

        var parties = JsonNode.Parse((await market.EvaluateAsync(Cast.Stranger, "ListParties")).PayloadText)!.AsArray();

        // Assert
        AssertShape(bills.Select(b => b!.AsObject()).ToList(), ["id", "kind", "drawer", "payee", "acceptor", "amount", "currency", "issueDate", "dueDate", "transferable", "holder", "status", "range", "parent", "trail", "version"]);
        AssertShape(deals, ["id", "kind", "billId", "seller", "buyer", "amount", "status", "requestDate", "acceptDate", "settleDate", "termsHash", "version"]);
        AssertShape(parties.Select(p => p!.AsObject()).ToList(), ["id", "kind", "mspId", "name", "status"]);
        AssertShape(bills.SelectMany(b => b!["trail"]!.AsArray()).Select(t => t!.AsObject()).ToList(), ["type", "from", "to", "amount", "date", "txId"]);
    }

    private static void AssertShape(List<JsonObject> records, string[] rulebookFields)
    {
        Assert.That(records, Is.Not.Empty);
        var order = records[0].Select(p => p.Key).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order, Is.SupersetOf(rulebookFields), "the rulebook's fields are the minimum");
            Assert.That(order, Is.All.Match("^[a-z][A-Za-z0-9]*$"), "camelCase");
            foreach (var record in records)
            {
                Assert.That(record.Select(p => p.Key), Is.EqualTo(order), () => $"one fixed property order: {record.ToJsonString()}");
            }
        }
    }

    /// <summary>
    /// B1: bank bill on BankA, Active, held by SupplierA, due 06-01. B2: on BankA, pending, held by CoreCorp,
    /// due 05-15. B3: on BankB, endorsed to SupplierB, Active, due 07-01. B4: on BankC, InDeal, held by SupplierA,
    /// due 06-01. B5: commercial bill drawn by SupplierC on CoreCorp, pending, held by SupplierC, due 04-30.
    /// </summary>
    private static async Task<BillMarketHarness> ArrangeFiveBillsAsync()
    {
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(B1);
        await market.IssueStandardAsync("B2", dueDate: new DateOnly(2026, 5, 15));
        await market.IssueAsync(Cast.CoreCorp, "B3", Cast.SupplierA, Cast.BankB, 300, new DateOnly(2026, 7, 1));
        await market.AcceptAsync(Cast.BankB, "B3");
        await market.EndorseAsync(Cast.SupplierA, "B3", Cast.SupplierB);
        await market.IssueAsync(Cast.CoreCorp, "B4", Cast.SupplierA, Cast.BankC, 400, BillMarketHarness.StandardDueDate);
        await market.AcceptAsync(Cast.BankC, "B4");
        await market.RequestDiscountAsync(Cast.SupplierA, "D4", "B4", Cast.BankB, 300);
        await market.IssueAsync(Cast.SupplierC, "B5", Cast.SupplierA, Cast.CoreCorp, 500, new DateOnly(2026, 4, 30), kind: BillKind.Commercial);
        return market;
    }
}
