using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>A SQLite database file in a temp folder, deleted with the folder.</summary>
internal sealed class TempSqlite : IDisposable
{
    public TempSqlite()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "monitor-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string ConnectionString => "Data Source=" + Path.Combine(Folder, "monitor.db");

    public SqlMonitorStore Open() => SqlMonitorStore.Create(StorageProvider.Sqlite, ConnectionString);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
