using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace FabricFinance.Monitor.Web.Tests;

/// <summary>The alert feed, live: an alert raised while the page is open appears at the top without a reload.</summary>
public sealed class LiveAlertTests : BrowserTestBase
{
    [Test]
    [CancelAfter(60_000)]
    public async Task MarketPage_AlertRaisedWhileOpen_AppearsAtTopWithoutReload()
    {
        // Arrange: the page is open and following the stream; a marker proves it is never reloaded.
        await OpenAsync("/");
        await Assertions.Expect(Page.Locator("#conn")).ToHaveAttributeAsync("data-state", "live");
        await Page.EvaluateAsync("() => { window.__notReloaded = true; }");
        var navigations = 0;
        Page.FrameNavigated += (_, frame) => navigations++;

        // Act
        var alert = Host.Feed.Publish(
            "late-acquisition-presentment", AlertSeverity.Notice, "B-1006",
            "ENT-SUMMIT presented B-1006 on its due date 2027-01-26, having acquired it by endorsement on 2027-01-25, within 1 day of maturity.",
            43, SampleMarket.TxId("b1006-present"), SampleMarket.At(2026, 11, 27, 1, 20, 33));
        var top = Page.Locator("#alert-feed > li").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-seq", alert.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.That(await Page.EvaluateAsync<bool>("() => window.__notReloaded === true"), Is.True);
        Assert.That(navigations, Is.Zero);
        Assert.That(await top.Locator(".rule").TextContentAsync(), Is.EqualTo("late-acquisition-presentment"));
        Assert.That(await top.Locator(".badge").TextContentAsync(), Is.EqualTo("Notice"));
        Assert.That(await top.Locator(".summary").TextContentAsync(), Is.EqualTo(alert.Summary));
        Assert.That(await top.Locator("a").GetAttributeAsync("href"), Is.EqualTo("/bills/B-1006"));
        Assert.That(await top.Locator("time").TextContentAsync(), Is.EqualTo("2026-11-27 09:20:33 UTC+8"));
        var raised = Host.Feed.Alerts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(await Page.Locator("#alert-feed > li").CountAsync(), Is.EqualTo(Host.Feed.Alerts.Count));
        await Assertions.Expect(Page.Locator("#stat-alerts")).ToHaveTextAsync(raised);
        Assert.That(ConsoleErrors, Is.Empty);
        await Artifacts.ScreenshotAsync(Page, "live-alert", "The market page with a live alert at the top of the feed.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BillPage_AlertsRaisedWhileOpen_ShowsOnlyThoseOnThisBill()
    {
        // Arrange
        await OpenAsync("/bills/" + SampleMarket.TracedBillId);
        await Assertions.Expect(Page.Locator("#conn")).ToHaveAttributeAsync("data-state", "live");

        // Act: one alert on another bill, then one on this bill.
        Host.Feed.Publish(
            "request-cancel-churn", AlertSeverity.Notice, "B-1005", "Deals on B-1005 were requested and cancelled 3 times in 2 business days.",
            44, SampleMarket.TxId("b1005-cancel-3"), SampleMarket.At(2026, 11, 27, 2, 0, 0));
        var mine = Host.Feed.Publish(
            "off-market-rate", AlertSeverity.Warning, SampleMarket.TracedBillId, "D-3001's rate of 2.85 % is 1.20 points from the day's median of 1.65 %.",
            45, SampleMarket.TxId("b1001-rate"), SampleMarket.At(2026, 11, 27, 2, 5, 0));
        var top = Page.Locator("#bill-alerts > li").First;
        await Assertions.Expect(top).ToHaveAttributeAsync("data-seq", mine.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.That(
            await Page.Locator("#bill-alerts > li .rule").AllTextContentsAsync(),
            Is.EqualTo(new[] { "off-market-rate", "double-sale-trace" }));
    }
}
