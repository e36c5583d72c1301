using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Web.Internal;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Web;

/// <summary>Maps the monitor's web pages and JSON API onto a host.</summary>
public static class MonitorWebExtensions
{
    /// <summary>
    /// Maps the monitor's web: the market page at <c>/</c>, one bill's page at <c>/bills/{id}</c>, their assets under
    /// <c>/assets/</c> (compiled into the assembly, so the content root does not matter), and the JSON API under
    /// <c>/api/</c>: <c>overview</c>, <c>bills</c>, <c>bills/{id}</c>, <c>deals</c>, <c>alerts</c>, <c>parties</c>,
    /// and <c>alerts/stream</c>, the alert feed as server-sent events. Every request resolves
    /// <see cref="IMonitorQueries"/> and <see cref="IAlertFeed"/> from the request's services; settings come from
    /// <see cref="MonitorWebOptions"/> when configured.
    /// </summary>
    /// <param name="endpoints">The host's routes.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A configured <see cref="MonitorWebOptions"/> interval is not
    /// positive.</exception>
    public static IEndpointRouteBuilder MapMonitorWeb(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<MonitorWebOptions>>()?.Value ?? new MonitorWebOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.KeepAliveInterval, TimeSpan.Zero, $"{nameof(MonitorWebOptions)}.{nameof(MonitorWebOptions.KeepAliveInterval)}");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(
            options.ReconnectDelay, TimeSpan.Zero, $"{nameof(MonitorWebOptions)}.{nameof(MonitorWebOptions.ReconnectDelay)}");
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("FabricFinance.Monitor.Web")
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        var api = endpoints.MapGroup("/api");
        ApiEndpoints.Map(api);
        var stream = new AlertStreamEndpoint(options, logger);
        api.MapGet("/alerts/stream", stream.HandleAsync);
        PageEndpoints.Map(endpoints);
        return endpoints;
    }
}
