using FabricFinance.Monitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace FabricFinance.Monitor.Web.Tests;

/// <summary>One bill's page in headless Chromium: its timeline, its deals with terms, its alerts.</summary>
public sealed class BillPageTests : BrowserTestBase
{
    [Test]
    [CancelAfter(60_000)]
    public async Task BillPage_Opened_ShowsTimelineInLedgerOrderWithInvalidTransactionMarked()
    {
        // Arrange
        var expected = Host.Market.Activities.Where(a => a.BillId == SampleMarket.TracedBillId).ToList();

        // Act
        await OpenAsync("/bills/" + SampleMarket.TracedBillId);

        // Assert
        var items = Page.Locator("#timeline > li");
        var txIds = await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.tx)");
        Assert.That(txIds, Is.EqualTo(expected.Select(a => a.TransactionId).ToArray()));
        var functions = await items.Locator("h3").AllTextContentsAsync();
        Assert.That(functions, Is.EqualTo(new[] { "IssueBill", "AcceptBill", "EndorseBill", "EndorseBill", "RequestDiscount", "AcceptDeal", "SettleDeal" }));

        var invalid = Page.Locator("#timeline > li.invalid");
        Assert.That(await invalid.CountAsync(), Is.EqualTo(1));
        Assert.That(await invalid.GetAttributeAsync("data-tx"), Is.EqualTo(SampleMarket.InvalidTxId));
        Assert.That(await invalid.Locator("[data-role=validation]").TextContentAsync(), Is.EqualTo("Invalid: MvccReadConflict"));
        Assert.That(await invalid.TextContentAsync(), Does.Contain("block 12, tx #3").And.Contain("ENT-PEARL").And.Contain("EnterpriseMSP"));

        var endorse = items.Nth(2);
        Assert.That(await endorse.TextContentAsync(), Does.Contain("BillEndorsed").And.Contain("2026-11-12 10:15:02").And.Contain("business day 2026-11-12"));
        Assert.That(await endorse.Locator(".badge").TextContentAsync(), Is.EqualTo("Active"));
        Assert.That(ConsoleErrors, Is.Empty);
        await Artifacts.ScreenshotAsync(Page, "bill-timeline", "Bill B-1001's page: the bill, its timeline with an invalid transaction, its alert and deal.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BillPage_Opened_ShowsTheBillItsDealTermsTrailAndAlerts()
    {
        // Arrange
        var terms = Host.Market.SettledTerms;

        // Act
        await OpenAsync("/bills/" + SampleMarket.TracedBillId);

        // Assert
        Assert.That(await Page.Locator("h1").TextContentAsync(), Is.EqualTo("Bill B-1001"));
        Assert.That(await Page.Locator("#bill-status .badge").TextContentAsync(), Is.EqualTo("Active"));
        Assert.That(await Page.Locator("#bill-facts").TextContentAsync(), Does.Contain("1,250,000.37 CNY"));
        var deal = await Page.Locator("#bill-deals-table tbody tr td").AllTextContentsAsync();
        Assert.That(deal, Does.Contain("2.85 %").And.Contain(terms.Days!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await Page.Locator("#trail-table tbody tr").CountAsync(), Is.EqualTo(3));
        Assert.That(await Page.Locator("#bill-alerts > li .rule").AllTextContentsAsync(), Is.EqualTo(new[] { "double-sale-trace" }));
        Assert.That(await Page.EvaluateAsync<string[]>(AccessibilityProbe.Script), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BillPage_SplitPart_LinksToItsParent()
    {
        // Act
        await OpenAsync("/bills/B-1002.1");

        // Assert
        Assert.That(await Page.Locator("#bill-facts a").GetAttributeAsync("href"), Is.EqualTo("/bills/B-1002"));
        Assert.That(await Page.Locator("#timeline > li").TextContentAsync(), Is.EqualTo("No transaction recorded."));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BillPage_UnknownBill_SaysSoWithoutBreaking()
    {
        // Act
        await OpenAsync("/bills/B-9999");

        // Assert
        await Assertions.Expect(Page.Locator("#bill-error")).ToBeVisibleAsync();
        Assert.That(await Page.Locator("#bill-error").TextContentAsync(), Does.Contain("B-9999"));
        Assert.That(await Page.Locator("#bill-content").IsHiddenAsync(), Is.True);
    }
}
