using FabricFinance.IntegrationTests.Infrastructure;
using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FabricFinance.IntegrationTests.Monitor;

/// <summary>
/// The monitor's ingestion against the real network, wired as the service wires it: the regulator's identity
/// (RegulatorMSP User1) reading blocks with private data from the regulator's own peer, the real alert rules with their
/// defaults, a SQLite read model in a temp folder.
/// </summary>
internal sealed class MonitorRun : IAsyncDisposable
{
    private readonly ServiceProvider _rules;

    private MonitorRun(string folder, ServiceProvider rules, SqlMonitorStore store, AlertFeed feed, FabricBlockSource source, IngestionService service)
    {
        Folder = folder;
        Feed = feed;
        _rules = rules;
        Store = store;
        Source = source;
        Service = service;
    }

    public string Folder { get; }

    public SqlMonitorStore Store { get; }

    public AlertFeed Feed { get; }

    public FabricBlockSource Source { get; }

    public IngestionService Service { get; }

    /// <summary>Starts following the channel into a new read model.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="seed">Writes to the new read model before the service starts, if given.</param>
    /// <param name="logger">Where the service logs; none when null.</param>
    public static async Task<MonitorRun> StartAsync(
        CancellationToken cancellationToken, Func<SqlMonitorStore, CancellationToken, Task>? seed = null, ILogger<IngestionService>? logger = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var options = Options.Create(new MonitorOptions
        {
            DataDirectory = folder,
            ConnectionString = "Data Source=" + Path.Combine(folder, "monitor.db"),
            NetworkFile = Path.Combine(Repository.NetworkState, ".run", "network.json"),
            Organization = FabricNetwork.Regulator,
            User = "User1",
            RetryDelay = TimeSpan.FromSeconds(1),
        });
        var rules = new ServiceCollection()
            .AddLogging()
            .AddAlertRules(new ConfigurationBuilder().Build().GetSection(AlertRulesServiceCollectionExtensions.SectionName))
            .BuildServiceProvider();
        var store = SqlMonitorStore.Create(StorageProvider.Sqlite, options.Value.ConnectionString!);
        var source = new FabricBlockSource(options, TimeProvider.System, NullLogger<FabricBlockSource>.Instance);
        var feed = new AlertFeed(store);
        var ingestor = new BlockIngestor(
            store, new BlockDecoder(options.Value.ChaincodeName), new BlockProjector(store, rules.GetRequiredService<AlertEngine>()), feed);
        if (seed is not null)
        {
            await seed(store, cancellationToken);
        }

        var service = new IngestionService(store, source, ingestor, options, TimeProvider.System, logger ?? NullLogger<IngestionService>.Instance);
        await service.StartAsync(cancellationToken);
        return new MonitorRun(folder, rules, store, feed, source, service);
    }

    /// <summary>Waits until the read model holds <paramref name="blockNumber"/> (two minutes, plus 100 ms a block to read).</summary>
    public async Task WaitForBlockAsync(long blockNumber, CancellationToken cancellationToken)
    {
        var allowed = TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(100 * Math.Max(0, blockNumber - (await Store.GetCheckpointAsync(cancellationToken) ?? -1)));
        var deadline = DateTime.UtcNow + allowed;
        while ((await Store.GetCheckpointAsync(cancellationToken) ?? -1) < blockNumber)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The monitor did not reach block {blockNumber} within {allowed} (it holds {await Store.GetCheckpointAsync(cancellationToken)}).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Service.StopAsync(timeout.Token);
        Service.Dispose();
        Source.Dispose();
        Store.Dispose();
        await _rules.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover in /tmp is harmless
        }
    }
}
