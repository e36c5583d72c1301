using FabricFinance.Bills.Tests.Contract.Infrastructure;
using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>ListBills: pages in bill-id order from an index, bookmarks that resume exactly, every filter combined.</summary>
[TestFixture]
[CancelAfter(60_000)]
public sealed class ListBillsTests
{
    private static readonly DateOnly Early = new(2026, 4, 15);
    private static readonly DateOnly Late = new(2026, 8, 20);

    private ContractMarket _market = null!;
    private List<Bill> _all = null!;

    public static IEnumerable<TestCaseData> Filters()
    {
        yield return new TestCaseData(new BillFilter()).SetArgDisplayNames("all");
        yield return new TestCaseData(new BillFilter(Holder: "Supplier")).SetArgDisplayNames("holder");
        yield return new TestCaseData(new BillFilter(Status: BillStatus.Active)).SetArgDisplayNames("status");
        yield return new TestCaseData(new BillFilter(Acceptor: "BankB")).SetArgDisplayNames("acceptor");
        yield return new TestCaseData(new BillFilter(DueFrom: Early, DueTo: Early)).SetArgDisplayNames("due day");
        yield return new TestCaseData(new BillFilter(Status: BillStatus.PendingAcceptance, Acceptor: "BankA")).SetArgDisplayNames("status+acceptor");
        yield return new TestCaseData(new BillFilter(Holder: "Supplier", Status: BillStatus.Active, DueFrom: DueDate)).SetArgDisplayNames("holder+status+dueFrom");
        yield return new TestCaseData(new BillFilter(Holder: "Supplier", Acceptor: "BankB", DueTo: DueDate)).SetArgDisplayNames("holder+acceptor+dueTo");
        yield return new TestCaseData(new BillFilter(Holder: "BankC")).SetArgDisplayNames("no match");
    }

    [OneTimeSetUp]
    public async Task ArrangeMarketAsync()
    {
        _market = await ContractMarket.StartAsync();
        string[] ids = ["B2", "B10", "A1", "b1", "_x", "-y", "B1", "Z9", "c-3", "B11", "a_2", "Q"];
        for (var i = 0; i < ids.Length; i++)
        {
            var acceptor = i % 3 == 0 ? "BankB" : "BankA";
            var due = (i % 4) switch { 0 => Early, 1 => DueDate, 2 => Late, _ => DueDate.AddDays(i) };
            await _market.MustAsync(CoreCorp, "IssueBill", Json(new IssueBillRequest(ids[i], BillKind.Bank, "Supplier", acceptor, 1_000 + i, due, true)));
            if (i % 5 != 4)
            {
                await _market.MustAsync(i % 3 == 0 ? BankB : BankA, "AcceptBill", ids[i]);
            }
        }

        await _market.MustAsync(Supplier, "EndorseBill", "B2", "Supplier2");
        await _market.MustAsync(Supplier, "EndorseBill", "B10", "Supplier2", "100");
        await _market.MustAsync(CoreCorp, "CancelBill", "_x");
        _all = [];
        foreach (var id in ids.Concat(["B10.1", "B10.2"]))
        {
            _all.Add(await _market.GetBillAsync(id));
        }
    }

    [TestCaseSource(nameof(Filters))]
    public async Task ListBills_EveryPageSize_PagesThroughTheFilteredBillsInIdOrder(BillFilter filter)
    {
        // Arrange
        var expected = _all.Where(b => Matches(b, filter)).Select(b => b.Id).Order(StringComparer.Ordinal).ToList();

        foreach (var pageSize in new[] { 1, 2, 3, 5, 1000 })
        {
            // Act
            var seen = new List<string>();
            var bookmark = string.Empty;
            var pages = 0;
            do
            {
                var page = Read<BillPage>(await _market.EvaluateAsync(Regulator, "ListBills", Json(filter), Number(pageSize), bookmark));
                pages++;
                Assert.That(page.Bills, Has.Count.LessThanOrEqualTo(pageSize));
                seen.AddRange(page.Bills.Select(b => b.Id));
                bookmark = page.Bookmark;
                if (bookmark.Length > 0)
                {
                    Assert.That(page.Bills, Has.Count.EqualTo(pageSize), "only the last page is short");
                    Assert.That(bookmark, Is.EqualTo(expected[seen.Count]), "the bookmark is the next page's first bill");
                }
            }
            while (bookmark.Length > 0 && pages < 100);

            // Assert
            Assert.That(seen, Is.EqualTo(expected), $"page size {pageSize}");
            Assert.That(pages, Is.EqualTo(Math.Max(1, (expected.Count + pageSize - 1) / pageSize)), $"page size {pageSize}: no empty trailing page");
        }
    }

    [Test]
    public async Task ListBills_BookmarkOfAnyId_ResumesAtThatId()
    {
        // Act
        var page = Read<BillPage>(await _market.EvaluateAsync(Regulator, "ListBills", "{}", "3", "B100"));

        // Assert: B100 does not exist; the page starts at the next id.
        Assert.That(page.Bills.Select(b => b.Id), Is.EqualTo(new[] { "B11", "B2", "Q" }));
        Assert.That(page.Bookmark, Is.EqualTo("Z9"));
    }

    [Test]
    public async Task ListBills_PagesReturnTheStoredBills()
    {
        // Act
        var page = Read<BillPage>(await _market.EvaluateAsync(Regulator, "ListBills", """{"holder":"Supplier2"}""", "10", ""));

        // Assert
        Assert.That(page.Bills.Select(b => Json(b)), Is.EqualTo(_all.Where(b => b.Holder == "Supplier2").OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => Json(b))));
    }

    [TestCase("{}", "0", "", "INVALID_ARGUMENT: page size 0 is out of range: 1 to 1000.")]
    [TestCase("{}", "1001", "", "INVALID_ARGUMENT: page size 1001 is out of range: 1 to 1000.")]
    [TestCase("{}", "10", "B 1", "INVALID_ARGUMENT: bookmark 'B 1' is not a valid bill id: use 1 to 64 letters, digits, '_' or '-', followed by any sub-bill parts '.1' or '.2'.")]
    [TestCase("""{"dueFrom":"2026-05-02","dueTo":"2026-05-01"}""", "10", "", "INVALID_ARGUMENT: dueFrom 2026-05-02 is after dueTo 2026-05-01 in the filter.")]
    [TestCase("""{"colour":"red"}""", "10", "", "INVALID_ARGUMENT: argument 'filter' of ListBills")]
    [TestCase("""{"holder":"Nobody"}""", "10", "", "NOT_FOUND: party Nobody (holder in the filter) does not exist.")]
    public async Task ListBills_BadFilterPageSizeOrBookmark_IsRefused(string filter, string pageSize, string bookmark, string message)
    {
        // Act
        var result = await _market.EvaluateAsync(Regulator, "ListBills", filter, pageSize, bookmark);

        // Assert
        Assert.That(result.Message, Does.StartWith(message));
    }

    private static bool Matches(Bill bill, BillFilter filter) =>
        (filter.Holder is null || bill.Holder == filter.Holder)
        && (filter.Acceptor is null || bill.Acceptor == filter.Acceptor)
        && (filter.Status is null || bill.Status == filter.Status)
        && (filter.DueFrom is null || bill.DueDate >= filter.DueFrom)
        && (filter.DueTo is null || bill.DueDate <= filter.DueTo);
}
