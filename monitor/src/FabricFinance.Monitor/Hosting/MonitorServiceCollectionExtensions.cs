using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Hosting;

/// <summary>Registers the monitor's core: settings, the read-model store, the alert feed and the block ingestion.</summary>
public static class MonitorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the settings (bound from <paramref name="configuration"/>, completed by <paramref name="setup"/> and checked
    /// when the host starts), the store (<see cref="IMonitorStore"/>, also as <see cref="IMonitorQueries"/>), the alert
    /// feed (<see cref="IAlertFeed"/>), the decoder, projector and ingestor, the Fabric block source and the
    /// <see cref="IngestionService"/>. The alert rules are added separately (<c>AddAlertRules</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>Monitor</c> section.</param>
    /// <param name="setup">Fills in the settings that depend on where the monitor runs.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration, MonitorOptionsSetup setup)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(setup);
        services.AddOptions<MonitorOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MonitorOptions>>(setup);
        services.AddSingleton<IValidateOptions<MonitorOptions>, MonitorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMonitorStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MonitorOptions>>().Value;
            if (options.Storage == StorageProvider.Sqlite)
            {
                Directory.CreateDirectory(options.DataDirectory);
            }

            return SqlMonitorStore.Create(options.Storage, options.ConnectionString!);
        });
        services.AddSingleton<IMonitorQueries>(provider => provider.GetRequiredService<IMonitorStore>());
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertFeed>(provider => provider.GetRequiredService<AlertFeed>());
        services.AddSingleton(provider => new BlockDecoder(provider.GetRequiredService<IOptions<MonitorOptions>>().Value.ChaincodeName));
        services.AddSingleton<BlockProjector>();
        services.AddSingleton<BlockIngestor>();
        services.AddSingleton<IBlockSource, FabricBlockSource>();
        services.AddHostedService<IngestionService>();
        return services;
    }
}
