using System.Net;
using System.Text.Json;
using FabricFinance.Bills;
using FabricFinance.Monitor.Web.Tests.Support;

namespace FabricFinance.Monitor.Web.Tests;

/// <summary>The JSON API over plain HTTP: shapes, filters, not-found and validation.</summary>
public sealed class MonitorApiTests
{
    private MonitorTestHost _host = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await MonitorTestHost.StartAsync();
        _client = _host.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Overview_Requested_CountsBillsByStatusWithLedgerNames(CancellationToken cancellationToken)
    {
        // Arrange
        var market = _host.Market;

        // Act
        using var json = await GetJsonAsync("api/overview", cancellationToken);

        // Assert
        var root = json.RootElement;
        Assert.That(root.GetProperty("lastBlock").GetInt64(), Is.EqualTo(SampleMarket.LastBlock));
        Assert.That(root.GetProperty("parties").GetInt32(), Is.EqualTo(market.Parties.Count));
        Assert.That(root.GetProperty("alerts").GetInt64(), Is.EqualTo(2));
        var counts = root.GetProperty("billsByStatus").EnumerateArray()
            .ToDictionary(e => e.GetProperty("status").GetString()!, e => e.GetProperty("count").GetInt32());
        Assert.That(counts["Active"], Is.EqualTo(market.Bills.Count(b => b.Status == BillStatus.Active)));
        Assert.That(counts.Values.Sum(), Is.EqualTo(market.Bills.Count));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Bills_StatusAndHolderFilters_ReturnOnlyMatchingBillsInDueOrder(CancellationToken cancellationToken)
    {
        // Arrange
        var expected = _host.Market.Bills
            .Where(b => b.Status == BillStatus.Active && b.Holder == "ENT-PEARL")
            .OrderBy(b => b.DueDate).ThenBy(b => b.Id, StringComparer.Ordinal)
            .Select(b => b.Id).ToList();

        // Act
        using var json = await GetJsonAsync("api/bills?status=active&holder=ENT-PEARL&limit=200", cancellationToken);

        // Assert
        var ids = json.RootElement.GetProperty("bills").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.EqualTo(expected).And.Not.Empty);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(expected.Count));
        var first = json.RootElement.GetProperty("bills")[0];
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("Active"));
        Assert.That(first.GetProperty("kind").GetString(), Is.AnyOf("bank", "commercial"));
        Assert.That(first.GetProperty("dueDate").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task BillTimeline_KnownBill_ReturnsActivitiesDealsAndAlerts(CancellationToken cancellationToken)
    {
        // Act
        using var json = await GetJsonAsync("api/bills/" + SampleMarket.TracedBillId, cancellationToken);

        // Assert
        var root = json.RootElement;
        var activities = root.GetProperty("activities").EnumerateArray().ToList();
        Assert.That(activities, Has.Count.EqualTo(7));
        var invalid = activities.Single(a => a.GetProperty("transactionId").GetString() == SampleMarket.InvalidTxId);
        Assert.That(invalid.GetProperty("validationCode").GetString(), Is.EqualTo("MvccReadConflict"));
        Assert.That(invalid.GetProperty("isValid").GetBoolean(), Is.False);
        Assert.That(invalid.GetProperty("bill").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("deals")[0].GetProperty("terms").GetProperty("rateBps").GetInt32(), Is.EqualTo(285));
        Assert.That(root.GetProperty("alerts")[0].GetProperty("severity").GetString(), Is.EqualTo("Warning"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task BillTimeline_UnknownBill_Returns404ProblemNamingTheId(CancellationToken cancellationToken)
    {
        // Act
        using var response = await _client.GetAsync(new Uri("api/bills/B-9999", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("detail").GetString(), Does.Contain("B-9999"));
        Assert.That(json.RootElement.GetProperty("billId").GetString(), Is.EqualTo("B-9999"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Deals_FilteredByBill_ReturnTermsAsTheRegulatorSeesThem(CancellationToken cancellationToken)
    {
        // Arrange
        var terms = _host.Market.SettledTerms;

        // Act
        using var json = await GetJsonAsync("api/deals?billId=" + SampleMarket.TracedBillId, cancellationToken);

        // Assert
        var deals = json.RootElement.GetProperty("deals").EnumerateArray().ToList();
        Assert.That(deals, Has.Count.EqualTo(1));
        var view = deals[0];
        Assert.That(view.GetProperty("deal").GetProperty("kind").GetString(), Is.EqualTo("discount"));
        Assert.That(view.GetProperty("deal").GetProperty("status").GetString(), Is.EqualTo("Settled"));
        Assert.That(view.GetProperty("terms").GetProperty("interest").GetInt64(), Is.EqualTo(terms.Interest));
        Assert.That(view.GetProperty("terms").GetProperty("payout").GetInt64(), Is.EqualTo(terms.Payout));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Alerts_AfterFirst_ReturnsTheRestOldestFirst(CancellationToken cancellationToken)
    {
        // Act
        using var json = await GetJsonAsync("api/alerts?after=1&limit=10", cancellationToken);

        // Assert
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        Assert.That(alerts.Select(a => a.GetProperty("sequence").GetInt64()), Is.EqualTo(new long[] { 2 }));
        Assert.That(alerts[0].GetProperty("ruleId").GetString(), Is.EqualTo("circular-endorsement"));
        Assert.That(alerts[0].GetProperty("severity").GetString(), Is.EqualTo("Critical"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Parties_Requested_ListsEveryPartyById(CancellationToken cancellationToken)
    {
        // Act
        using var json = await GetJsonAsync("api/parties", cancellationToken);

        // Assert
        var parties = json.RootElement.EnumerateArray().ToList();
        Assert.That(parties.Select(p => p.GetProperty("id").GetString()), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
        Assert.That(parties.Select(p => p.GetProperty("kind").GetString()), Does.Contain("regulator"));
    }

    [TestCase("api/bills?status=Bogus", "status", "Bogus")]
    [TestCase("api/bills?status=3", "status", "3")]
    [TestCase("api/bills?status=Active&status=Paid", "status", "more than once")]
    [TestCase("api/bills?holder=not%20an%20id", "holder", "party id")]
    [TestCase("api/bills?dueFrom=2027-13-01", "dueFrom", "yyyy-MM-dd")]
    [TestCase("api/bills?dueTo=31/03/2027", "dueTo", "yyyy-MM-dd")]
    [TestCase("api/bills?dueFrom=2027-05-01&dueTo=2027-04-01", "dueTo", "before dueFrom")]
    [TestCase("api/bills?offset=-1", "offset", "0 or more")]
    [TestCase("api/bills?limit=0", "limit", "between 1 and 200")]
    [TestCase("api/bills?limit=201", "limit", "between 1 and 200")]
    [TestCase("api/bills?limit=ten", "limit", "whole number")]
    [TestCase("api/deals?status=Open", "status", "Requested")]
    [TestCase("api/deals?billId=B-1001.3", "billId", "bill id")]
    [TestCase("api/deals?offset=99999999999", "offset", "99999999999")]
    [TestCase("api/alerts?after=-5", "after", "0 or more")]
    [TestCase("api/alerts?limit=501", "limit", "between 1 and 500")]
    [TestCase("api/alerts/stream?after=x", "after", "whole number")]
    [TestCase("api/bills/B%231", "id", "not a bill id")]
    [CancelAfter(30_000)]
    public async Task Api_BadInput_Returns400ProblemNamingTheParameter(string path, string parameter, string message, CancellationToken cancellationToken)
    {
        // Act
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors");
        Assert.That(errors.TryGetProperty(parameter, out var messages), Is.True, body);
        Assert.That(messages[0].GetString(), Does.Contain(message));
        Assert.That(json.RootElement.GetProperty("detail").GetString(), Does.StartWith(parameter + ":"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Api_SeveralBadParameters_NamesEachOfThem(CancellationToken cancellationToken)
    {
        // Act
        using var response = await _client.GetAsync(new Uri("api/bills?status=x&limit=0&offset=-2", UriKind.Relative), cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var names = json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name);
        Assert.That(names, Is.EquivalentTo(new[] { "status", "limit", "offset" }));
    }

    [TestCase("/", "text/html")]
    [TestCase("/bills/B-1001", "text/html")]
    [TestCase("/assets/monitor.css", "text/css")]
    [TestCase("/assets/market.js", "text/javascript")]
    [CancelAfter(30_000)]
    public async Task Page_RequestedTwice_ServedFromTheAssemblyThenNotModified(string path, string mediaType, CancellationToken cancellationToken)
    {
        // Act
        using var first = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(again, cancellationToken);

        // Assert
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(first.Headers.ETag, Is.Not.Null);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Page_Html_SendsAContentSecurityPolicyThatAllowsNoOtherOrigin(CancellationToken cancellationToken)
    {
        // Act
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);

        // Assert
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "no CDN, font or other outside resource");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Asset_Unknown_Returns404(CancellationToken cancellationToken)
    {
        // Act
        using var response = await _client.GetAsync(new Uri("/assets/nope.js", UriKind.Relative), cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonDocument.Parse(body);
    }
}
