using FabricFinance.Monitor.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Monitor.Web.Tests.Support;

/// <summary>
/// A real Kestrel host on 127.0.0.1 and a free port, serving <c>MapMonitorWeb</c> over the in-memory
/// <see cref="SampleMarket"/> and <see cref="FakeAlertFeed"/>. Its content root is the test's folder, not the
/// monitor's, so the pages must come from the assembly.
/// </summary>
public sealed class MonitorTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MonitorTestHost(WebApplication app, Uri baseAddress, SampleMarket market, FakeAlertFeed feed)
    {
        _app = app;
        BaseAddress = baseAddress;
        Market = market;
        Feed = feed;
    }

    /// <summary>Gets the host's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the market the host serves.</summary>
    public SampleMarket Market { get; }

    /// <summary>Gets the alert feed; publish into it to raise a live alert.</summary>
    public FakeAlertFeed Feed { get; }

    /// <summary>Starts a host.</summary>
    /// <param name="keepAliveInterval">The alert stream's keep-alive interval; the default when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<MonitorTestHost> StartAsync(TimeSpan? keepAliveInterval = null, CancellationToken cancellationToken = default)
    {
        var market = new SampleMarket();
        var feed = new FakeAlertFeed();
        SampleMarket.SeedAlerts(feed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = TestContext.CurrentContext.TestDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IMonitorQueries>(new FakeMonitorQueries(market, feed));
        builder.Services.AddSingleton<IAlertFeed>(feed);
        if (keepAliveInterval is { } interval)
        {
            builder.Services.Configure<MonitorWebOptions>(o => o.KeepAliveInterval = interval);
        }

        var app = builder.Build();
        app.MapMonitorWeb();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new MonitorTestHost(app, new Uri(address + "/"), market, feed);
    }

    /// <summary>Creates an HTTP client for the host.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
