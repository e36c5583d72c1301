using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FabricFinance.Monitor.Storage.Internal;

/// <summary>SQLite: a file, in write-ahead-log mode so the web pages read while a block is written.</summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    // SQLite compares TEXT with BINARY collation by default: byte order of UTF-8, i.e. code-point order.
    public override string Text => "TEXT";

    public override IEnumerable<string> SetUpStatements => ["PRAGMA journal_mode=WAL"];

    public override DbConnection CreateConnection() => new SqliteConnection(connectionString);
}
