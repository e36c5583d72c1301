using FabricFinance.Monitor.Storage;
using FabricFinance.Monitor.Tests.Infrastructure;

namespace FabricFinance.Monitor.Tests.Storage;

/// <summary>The store on SQLite files in a temp folder.</summary>
[TestFixture]
public sealed class SqliteStoreTests : MonitorStoreTests
{
    private readonly List<TempSqlite> _files = [];
    private readonly Dictionary<string, TempSqlite> _byName = [];

    [TearDown]
    public void DeleteFiles()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }

        _files.Clear();
        _byName.Clear();
    }

    private protected override async Task<SqlMonitorStore> OpenAsync(string database, CancellationToken cancellationToken)
    {
        if (!_byName.TryGetValue(database, out var file))
        {
            file = new TempSqlite();
            _files.Add(file);
            _byName[database] = file;
        }

        var store = file.Open();
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}
