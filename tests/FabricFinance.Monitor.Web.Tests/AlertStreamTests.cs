using System.Net;
using System.Text.Json;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Web.Tests.Support;

namespace FabricFinance.Monitor.Web.Tests;

/// <summary>The alert stream over plain HTTP: events, resuming with Last-Event-ID, keep-alive comments.</summary>
public sealed class AlertStreamTests
{
    private MonitorTestHost _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await MonitorTestHost.StartAsync(keepAliveInterval: TimeSpan.FromMilliseconds(300));
        _client = _host.CreateClient();
        _client.Timeout = Timeout.InfiniteTimeSpan;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Stream_FromStart_SendsEachAlertWithItsSequenceAsEventId(CancellationToken cancellationToken)
    {
        // Act
        using var response = await OpenAsync(null, null, cancellationToken);
        using var reader = new EventStreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var first = await reader.ReadEventAsync(cancellationToken);
        var second = await reader.ReadEventAsync(cancellationToken);

        // Assert
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
        Assert.That((first.Id, first.Event), Is.EqualTo(("1", "alert")));
        Assert.That(second.Id, Is.EqualTo("2"));
        using var json = JsonDocument.Parse(first.Data!);
        Assert.That(json.RootElement.GetProperty("ruleId").GetString(), Is.EqualTo("double-sale-trace"));
        Assert.That(json.RootElement.GetProperty("severity").GetString(), Is.EqualTo("Warning"));
        Assert.That(json.RootElement.GetProperty("billId").GetString(), Is.EqualTo(SampleMarket.TracedBillId));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Stream_ReconnectWithLastEventId_ResumesWithoutGapOrRepeat(CancellationToken cancellationToken)
    {
        // Arrange: a first connection reads everything up to a live alert, then drops.
        var seen = new List<string?>();
        MarketAlert live;
        using (var response = await OpenAsync("?after=0", null, cancellationToken))
        using (var reader = new EventStreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)))
        {
            var existing = _host.Feed.Alerts.Count;
            for (var i = 0; i < existing; i++)
            {
                seen.Add((await reader.ReadEventAsync(cancellationToken)).Id);
            }

            live = Publish("live before the drop");
            seen.Add((await reader.ReadEventAsync(cancellationToken)).Id);
        }

        await WaitForNoWatcherAsync(cancellationToken);
        var missed1 = Publish("raised while disconnected");
        var missed2 = Publish("also raised while disconnected");

        // Act: the browser reconnects, naming the last id it saw (and its first URL's ?after=0, which the header overrides).
        using var resumed = await OpenAsync("?after=0", seen[^1], cancellationToken);
        using var resumedReader = new EventStreamReader(await resumed.Content.ReadAsStreamAsync(cancellationToken));
        var next1 = await resumedReader.ReadEventAsync(cancellationToken);
        var next2 = await resumedReader.ReadEventAsync(cancellationToken);
        var later = Publish("live after the reconnect");
        var next3 = await resumedReader.ReadEventAsync(cancellationToken);

        // Assert
        Assert.That(seen[^1], Is.EqualTo(Id(live)));
        Assert.That(
            new[] { next1.Id, next2.Id, next3.Id },
            Is.EqualTo(new[] { Id(missed1), Id(missed2), Id(later) }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Stream_Quiet_SendsKeepAliveComments(CancellationToken cancellationToken)
    {
        // Arrange: start after every alert so nothing is due.
        var last = _host.Feed.Alerts[^1].Sequence;

        // Act
        using var response = await OpenAsync(null, last.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        using var reader = new EventStreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var first = await reader.ReadAsync(cancellationToken);
        var second = await reader.ReadAsync(cancellationToken);

        // Assert
        Assert.That(first.Comment, Is.EqualTo("keep-alive"));
        Assert.That(second.Comment, Is.EqualTo("keep-alive"));
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("1.5")]
    [CancelAfter(30_000)]
    public async Task Stream_BadLastEventId_Returns400NamingTheHeader(string lastEventId, CancellationToken cancellationToken)
    {
        // Act
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/alerts/stream", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        using var response = await _client.SendAsync(request, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.RootElement.GetProperty("errors").TryGetProperty("Last-Event-ID", out _), Is.True);
    }

    private static string Id(MarketAlert alert) => alert.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private MarketAlert Publish(string what) =>
        _host.Feed.Publish(
            "request-cancel-churn", AlertSeverity.Notice, "B-1005", "Test alert: " + what, 40, SampleMarket.TxId(what),
            SampleMarket.At(2026, 11, 27, 1, 0, 0));

    private async Task<HttpResponseMessage> OpenAsync(string? query, string? lastEventId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/alerts/stream" + query, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        request.Dispose();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response;
    }

    private async Task WaitForNoWatcherAsync(CancellationToken cancellationToken)
    {
        while (_host.Feed.WatcherCount > 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
