using FabricFinance.Bills;
using FabricFinance.Monitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace FabricFinance.Monitor.Web.Tests;

/// <summary>The market page in headless Chromium: overview, bills with filters and paging, deals with terms.</summary>
public sealed class MarketPageTests : BrowserTestBase
{
    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_Opened_ShowsOverviewAndFirstPageOfBills()
    {
        // Arrange
        var market = Host.Market;
        var firstPage = market.Bills.OrderBy(b => b.DueDate).ThenBy(b => b.Id, StringComparer.Ordinal).Take(20).ToList();

        // Act
        await OpenAsync("/");

        // Assert
        Assert.That(await Page.TitleAsync(), Does.Contain("Bill market"));
        Assert.That(await Page.Locator("#stat-block").TextContentAsync(), Is.EqualTo("42"));
        Assert.That(await Page.Locator("#stat-bills").TextContentAsync(), Is.EqualTo(market.Bills.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await Page.Locator("#stat-alerts").TextContentAsync(), Is.EqualTo("2"));
        var activeCount = market.Bills.Count(b => b.Status == BillStatus.Active);
        Assert.That(
            await Page.Locator("#status-counts a[data-status='Active'] strong").TextContentAsync(),
            Is.EqualTo(activeCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var rowIds = await Page.Locator("#bills-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.billId)");
        Assert.That(rowIds, Is.EqualTo(firstPage.Select(b => b.Id).ToArray()));
        Assert.That(await Page.Locator("#bills-caption").TextContentAsync(), Is.EqualTo($"Bills 1–20 of {market.Bills.Count}"));
        var traced = Page.Locator("#bills-table tbody tr[data-bill-id='B-1001']");
        Assert.That(await traced.Locator("td").AllTextContentsAsync(), Is.EqualTo(new[]
        {
            "Bank", "ENT-JADE", "BANK-A", "BANK-B", "1,250,000.37", "2027-03-15", "Active",
        }));
        Assert.That(ConsoleErrors, Is.Empty);
        await Artifacts.ScreenshotAsync(Page, "market", "The market page: overview, bills, alert feed and deals.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_StatusFilterApplied_ListsOnlyThatStatusAndKeepsItInTheUrl()
    {
        // Arrange
        var expected = Host.Market.Bills.Count(b => b.Status == BillStatus.Presented);
        await OpenAsync("/");

        // Act
        await Page.GetByLabel("Status", new() { Exact = true }).First.SelectOptionAsync("Presented");
        await Page.Locator("#bill-filters button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#bills-caption")).ToHaveTextAsync($"Bills 1–{expected} of {expected} (status presented)");

        // Assert
        var statuses = await Page.Locator("#bills-table tbody tr td:last-child").AllTextContentsAsync();
        Assert.That(statuses, Has.Count.EqualTo(expected).And.All.EqualTo("Presented"));
        Assert.That(Page.Url, Does.Contain("status=Presented"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_HolderAndDueRangeApplied_NarrowTheTable()
    {
        // Arrange
        var from = new DateOnly(2027, 1, 20);
        var to = new DateOnly(2027, 3, 31);
        var expected = Host.Market.Bills
            .Where(b => b.Holder == "ENT-LOTUS" && b.DueDate >= from && b.DueDate <= to)
            .OrderBy(b => b.DueDate).ThenBy(b => b.Id, StringComparer.Ordinal).Select(b => b.Id).ToArray();
        await OpenAsync("/");

        // Act
        await Page.GetByLabel("Holder").SelectOptionAsync("ENT-LOTUS");
        await Page.GetByLabel("Due from").FillAsync("2027-01-20");
        await Page.GetByLabel("Due to").FillAsync("2027-03-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).First.ClickAsync();
        await Expect(Page.Locator("#bills-caption")).ToContainTextAsync("held by ENT-LOTUS");

        // Assert
        var rowIds = await Page.Locator("#bills-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.billId)");
        Assert.That(rowIds, Is.EqualTo(expected).And.Not.Empty);
        Assert.That(Page.Url, Does.Contain("holder=ENT-LOTUS").And.Contain("dueFrom=2027-01-20").And.Contain("dueTo=2027-03-31"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_NextAndPrevious_PageThroughTheBills()
    {
        // Arrange
        var total = Host.Market.Bills.Count;
        var lastPage = Host.Market.Bills.OrderBy(b => b.DueDate).ThenBy(b => b.Id, StringComparer.Ordinal).Skip(20).Select(b => b.Id).ToArray();
        await OpenAsync("/");

        // Act
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).First.ClickAsync();
        await Expect(Page.Locator("#bills-caption")).ToHaveTextAsync($"Bills 21–{total} of {total}");
        var rowIds = await Page.Locator("#bills-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.billId)");
        var nextDisabled = await Page.Locator("#bills-next").IsDisabledAsync();
        await Page.Locator("#bills-prev").ClickAsync();
        await Expect(Page.Locator("#bills-caption")).ToHaveTextAsync($"Bills 1–20 of {total}");

        // Assert
        Assert.That(rowIds, Is.EqualTo(lastPage));
        Assert.That(nextDisabled, Is.True);
        Assert.That(await Page.Locator("#bills-prev").IsDisabledAsync(), Is.True);
        Assert.That(await Page.Locator("#bills-page").TextContentAsync(), Is.EqualTo("Page 1 of 2"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_OpenedWithFilterInUrl_AppliesIt()
    {
        // Arrange
        var expected = Host.Market.Bills.Count(b => b.Status == BillStatus.Paid);

        // Act
        await OpenAsync("/?status=Paid&limit=10");

        // Assert
        Assert.That(await Page.Locator("#f-status").InputValueAsync(), Is.EqualTo("Paid"));
        Assert.That(await Page.Locator("#f-limit").InputValueAsync(), Is.EqualTo("10"));
        Assert.That(await Page.Locator("#bills-table tbody tr").CountAsync(), Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_Deals_ShowTermsAsRateDaysInterestAndPayout()
    {
        // Arrange
        var terms = Host.Market.SettledTerms;

        // Act
        await OpenAsync("/");

        // Assert
        var cells = await Page.Locator($"#deals-table tbody tr[data-deal-id='{SampleMarket.SettledDealId}'] td").AllTextContentsAsync();
        Assert.That(cells, Is.EqualTo(new[]
        {
            "Discount", SampleMarket.TracedBillId, "ENT-LOTUS", "BANK-B", "1,250,000.37", "Settled", "2026-11-20",
            "2.85 %", terms.Days!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Yuan(terms.Interest!.Value), Yuan(terms.Payout!.Value),
        }));
        Assert.That(
            await Page.Locator("#deals-table tbody tr[data-deal-id='D-3006'] td").Nth(7).TextContentAsync(),
            Is.EqualTo("not readable"));
        Assert.That(await Page.Locator("#deals-table tbody tr").CountAsync(), Is.EqualTo(Host.Market.Deals.Count));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_DealStatusFilter_ListsOnlyThatStatus()
    {
        // Arrange
        await OpenAsync("/");

        // Act
        await Page.Locator("#d-status").SelectOptionAsync("Settled");
        await Page.Locator("#deal-filters button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#deals-table tbody tr")).ToHaveCountAsync(Host.Market.Deals.Count(d => d.Deal.Status == DealStatus.Settled));

        // Assert
        Assert.That(await Page.Locator("#deals-table tbody tr td:nth-child(7)").AllTextContentsAsync(), Has.All.EqualTo("Settled"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_AlertFeed_ListsExistingAlertsNewestFirst()
    {
        // Act
        await OpenAsync("/");

        // Assert
        var sequences = await Page.Locator("#alert-feed > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.seq)");
        Assert.That(sequences, Is.EqualTo(new[] { "2", "1" }));
        var top = Page.Locator("#alert-feed > li").First;
        Assert.That(await top.Locator(".rule").TextContentAsync(), Is.EqualTo("circular-endorsement"));
        Assert.That(await top.Locator("a").GetAttributeAsync("href"), Is.EqualTo("/bills/B-1007"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_BillLinkFollowed_OpensThatBillsPage()
    {
        // Arrange
        await OpenAsync("/");

        // Act
        await Page.Locator("#bills-table").GetByRole(AriaRole.Link, new() { Name = SampleMarket.TracedBillId, Exact = true }).ClickAsync();
        await Page.Locator("body[data-ready='true']").WaitForAsync();

        // Assert
        Assert.That(Page.Url, Does.EndWith("/bills/" + SampleMarket.TracedBillId));
        Assert.That(await Page.Locator("h1").TextContentAsync(), Is.EqualTo("Bill " + SampleMarket.TracedBillId));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_Accessibility_LabelsCaptionsScopesLandmarksAndLiveRegion()
    {
        // Arrange
        await OpenAsync("/");

        // Act
        var report = await Page.EvaluateAsync<string[]>(AccessibilityProbe.Script);

        // Assert
        Assert.That(report, Is.Empty);
        Assert.That(await Page.Locator("#alert-feed").GetAttributeAsync("aria-live"), Is.EqualTo("polite"));
        Assert.That(await Page.Locator("main").CountAsync(), Is.EqualTo(1));
        Assert.That(await Page.Locator("header").CountAsync(), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_KeyboardTab_FirstStopIsSkipLinkWithVisibleFocus()
    {
        // Arrange
        await OpenAsync("/");

        // Act
        await Page.Keyboard.PressAsync("Tab");

        // Assert
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement.textContent");
        var outline = await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.That(focused, Is.EqualTo("Skip to content"));
        Assert.That(outline, Is.EqualTo("solid"));
    }

    private static string Yuan(long fen) =>
        (fen / 100).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
