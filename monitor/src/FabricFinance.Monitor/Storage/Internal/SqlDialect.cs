using System.Data.Common;

namespace FabricFinance.Monitor.Storage.Internal;

/// <summary>
/// What differs between the databases the store runs on: how to connect, the column types, and any per-connection
/// set-up. The SQL itself is shared (both speak <c>INSERT … ON CONFLICT … DO UPDATE</c>, <c>LIMIT/OFFSET</c> and
/// <c>@name</c> parameters).
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Gets the database kind.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>Gets the type of text columns: compared and sorted by code point on every database.</summary>
    public abstract string Text { get; }

    /// <summary>Gets the type of 64-bit integer columns.</summary>
    public virtual string BigInt => "BIGINT";

    /// <summary>Creates a closed connection.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Statements run once when the schema is created (before the tables).</summary>
    public virtual IEnumerable<string> SetUpStatements => [];
}
