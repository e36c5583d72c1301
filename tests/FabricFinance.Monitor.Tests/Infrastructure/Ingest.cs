using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Storage;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>Runs blocks through the monitor's ingestion (decode, project with rules, store) as the service does.</summary>
internal static class Ingest
{
    public static BlockIngestor Ingestor(IMonitorStore store, AlertEngine? engine = null, AlertFeed? feed = null) =>
        new(store, new BlockDecoder("bills"), new BlockProjector(store, engine ?? TestRules.Engine(new TestRules.FlagInvalid())), feed);

    public static async Task BlocksAsync(IMonitorStore store, IEnumerable<BlockAndPrivateData> blocks, CancellationToken cancellationToken, AlertEngine? engine = null)
    {
        var ingestor = Ingestor(store, engine);
        foreach (var block in blocks)
        {
            await ingestor.IngestAsync(block, cancellationToken);
        }
    }
}
