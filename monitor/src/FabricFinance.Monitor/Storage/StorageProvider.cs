namespace FabricFinance.Monitor.Storage;

/// <summary>The database that holds the read model.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file under the monitor's data folder (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for a shared deployment.</summary>
    Postgres,
}
