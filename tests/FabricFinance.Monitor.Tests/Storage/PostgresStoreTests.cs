using FabricFinance.Monitor.Storage;
using FabricFinance.Monitor.Tests.Infrastructure;

namespace FabricFinance.Monitor.Tests.Storage;

/// <summary>The store on a real local PostgreSQL server (<see cref="PostgresServer"/>), one fresh database per name.</summary>
[TestFixture]
public sealed class PostgresStoreTests : MonitorStoreTests
{
    private readonly Dictionary<string, string> _databases = [];

    [TearDown]
    public void Forget() => _databases.Clear();

    [Test]
    [CancelAfter(120_000)]
    public async Task Export_SameBlocks_IsTheSameOnSqliteAndPostgres(CancellationToken ct)
    {
        // Arrange
        using var sqliteFile = new TempSqlite();
        using var sqlite = sqliteFile.Open();
        using var postgres = await OpenAsync("export", ct);

        // Act
        await Ingest.BlocksAsync(sqlite, MarketScenario.Blocks(), ct);
        await Ingest.BlocksAsync(postgres, MarketScenario.Blocks(), ct);

        // Assert
        Assert.That(postgres.Provider, Is.EqualTo(StorageProvider.Postgres));
        Assert.That(await postgres.ExportAsync(ct), Is.EqualTo(await sqlite.ExportAsync(ct)));
    }

    private protected override async Task<SqlMonitorStore> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var server = await PostgresServer.SharedAsync(cancellationToken);
        if (!_databases.TryGetValue(database, out var connectionString))
        {
            connectionString = await server.CreateDatabaseAsync(cancellationToken);
            _databases[database] = connectionString;
        }

        var store = SqlMonitorStore.Create(StorageProvider.Postgres, connectionString);
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}
