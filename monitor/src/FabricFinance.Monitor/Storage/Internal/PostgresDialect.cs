using System.Data.Common;
using Npgsql;

namespace FabricFinance.Monitor.Storage.Internal;

/// <summary>PostgreSQL through Npgsql; text columns use the "C" collation so they sort as on SQLite.</summary>
internal sealed class PostgresDialect(string connectionString) : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string Text => "TEXT COLLATE \"C\"";

    public override DbConnection CreateConnection() => new NpgsqlConnection(connectionString);
}
