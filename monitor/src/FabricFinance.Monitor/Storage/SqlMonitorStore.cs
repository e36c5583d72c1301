using System.Data.Common;
using System.Globalization;
using System.Text;
using FabricFinance.Bills;
using FabricFinance.Monitor.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace FabricFinance.Monitor.Storage;

/// <summary>
/// The read model in a relational database through ADO.NET: one implementation for SQLite and PostgreSQL, the few
/// differences kept in a dialect. Records are stored as the bill model's JSON (<see cref="BillJson"/>) next to the
/// columns the queries filter and sort on. Every call opens a pooled connection of its own, so the store is thread-safe;
/// blocks are applied by a single writer (the ingestion).
/// </summary>
public sealed partial class SqlMonitorStore : IMonitorStore, IDisposable
{
    private const string DateFormat = "yyyy-MM-dd";
    private const int HeaderHashLength = 32;

    private readonly SqlDialect _dialect;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    private SqlMonitorStore(SqlDialect dialect, string connectionString)
    {
        _dialect = dialect;
        _connectionString = connectionString;
    }

    /// <inheritdoc/>
    public StorageProvider Provider => _dialect.Provider;

    /// <summary>Creates a store; nothing is opened until the first call.</summary>
    /// <param name="provider">The database kind.</param>
    /// <param name="connectionString">An ADO.NET connection string for that database (for SQLite, e.g.
    /// <c>Data Source=/var/lib/monitor/monitor.db</c>).</param>
    /// <returns>The store; call <see cref="InitializeAsync"/> before anything else.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, empty or white space, or
    /// <paramref name="provider"/> is not a known provider.</exception>
    public static SqlMonitorStore Create(StorageProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqlDialect dialect = provider switch
        {
            StorageProvider.Sqlite => new SqliteDialect(connectionString),
            StorageProvider.Postgres => new PostgresDialect(connectionString),
            _ => throw new ArgumentException($"Unknown storage provider {provider}.", nameof(provider)),
        };
        return new SqlMonitorStore(dialect, connectionString);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var text = _dialect.Text;
        var bigint = _dialect.BigInt;
        string[] schema =
        [
            .. _dialect.SetUpStatements,
            $"CREATE TABLE IF NOT EXISTS monitor_checkpoint (id INTEGER PRIMARY KEY, last_block {bigint} NULL, last_hash {text} NULL)",
            "INSERT INTO monitor_checkpoint (id, last_block) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING",
            $"CREATE TABLE IF NOT EXISTS monitor_parties (id {text} PRIMARY KEY, msp_id {text} NOT NULL, subject {text} NULL, json {text} NOT NULL)",
            $"CREATE TABLE IF NOT EXISTS monitor_bills (id {text} PRIMARY KEY, status {text} NOT NULL, holder {text} NOT NULL, due_date {text} NOT NULL, json {text} NOT NULL)",
            $"CREATE INDEX IF NOT EXISTS monitor_bills_due ON monitor_bills (due_date, id)",
            $"CREATE TABLE IF NOT EXISTS monitor_deals (id {text} PRIMARY KEY, bill_id {text} NOT NULL, status {text} NOT NULL, first_block {bigint} NOT NULL, first_tx {bigint} NOT NULL, json {text} NOT NULL, terms {text} NULL)",
            $"CREATE INDEX IF NOT EXISTS monitor_deals_bill ON monitor_deals (bill_id, first_block, first_tx)",
            $"CREATE TABLE IF NOT EXISTS monitor_pricing (deal_id {text} PRIMARY KEY, business_day {text} NOT NULL, block_number {bigint} NOT NULL, tx_index {bigint} NOT NULL, json {text} NOT NULL)",
            $"CREATE INDEX IF NOT EXISTS monitor_pricing_day ON monitor_pricing (business_day, block_number, tx_index)",
            $"CREATE TABLE IF NOT EXISTS monitor_activities (block_number {bigint} NOT NULL, tx_index {bigint} NOT NULL, bill_id {text} NOT NULL, json {text} NOT NULL, PRIMARY KEY (block_number, tx_index, bill_id))",
            $"CREATE INDEX IF NOT EXISTS monitor_activities_bill ON monitor_activities (bill_id, block_number, tx_index)",
            $"CREATE TABLE IF NOT EXISTS monitor_alerts (sequence {bigint} PRIMARY KEY, bill_id {text} NOT NULL, json {text} NOT NULL)",
            $"CREATE INDEX IF NOT EXISTS monitor_alerts_bill ON monitor_alerts (bill_id, sequence)",
        ];

        foreach (var statement in schema)
        {
            await using var command = Command(connection, null, statement);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<long?> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCheckpointAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ApplyBlockAsync(BlockChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.HeaderHash.Length != HeaderHashLength)
        {
            throw new ArgumentException(
                $"The changes of block {changes.BlockNumber} carry a header hash of {changes.HeaderHash.Length} bytes; a block header hash is a {HeaderHashLength}-byte SHA-256.",
                nameof(changes));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (checkpoint, checkpointHash) = await ReadChainHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var expected = (checkpoint ?? -1) + 1;
        if (changes.BlockNumber != expected)
        {
            throw new InvalidOperationException(
                $"Block {changes.BlockNumber} cannot be applied: the read model holds blocks up to {checkpoint?.ToString(CultureInfo.InvariantCulture) ?? "none"}, so the next is {expected}.");
        }

        // Fabric links each block to the one before by the hash of its header; a block 0 has nothing before it.
        if (checkpoint is { } lastBlock && !string.Equals(Convert.ToHexStringLower(changes.PreviousHash.Span), checkpointHash, StringComparison.Ordinal))
        {
            throw new ForeignChainException(
                lastBlock, checkpointHash is null ? [] : Convert.FromHexString(checkpointHash), changes.BlockNumber, changes.PreviousHash.Span);
        }

        foreach (var party in changes.Parties)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_parties (id, msp_id, subject, json) VALUES (@id, @msp, @subject, @json) "
                + "ON CONFLICT (id) DO UPDATE SET msp_id = excluded.msp_id, subject = excluded.subject, json = excluded.json",
                cancellationToken,
                ("id", party.Id),
                ("msp", party.MspId),
                ("subject", party.Subject),
                ("json", Json(party))).ConfigureAwait(false);
        }

        foreach (var bill in changes.Bills)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_bills (id, status, holder, due_date, json) VALUES (@id, @status, @holder, @due, @json) "
                + "ON CONFLICT (id) DO UPDATE SET status = excluded.status, holder = excluded.holder, due_date = excluded.due_date, json = excluded.json",
                cancellationToken,
                ("id", bill.Id),
                ("status", bill.Status.ToString()),
                ("holder", bill.Holder),
                ("due", Date(bill.DueDate)),
                ("json", Json(bill))).ConfigureAwait(false);
        }

        foreach (var change in changes.Deals)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_deals (id, bill_id, status, first_block, first_tx, json, terms) VALUES (@id, @bill, @status, @block, @tx, @json, @terms) "
                + "ON CONFLICT (id) DO UPDATE SET bill_id = excluded.bill_id, status = excluded.status, json = excluded.json, "
                + "terms = COALESCE(excluded.terms, monitor_deals.terms)",
                cancellationToken,
                ("id", change.Deal.Id),
                ("bill", change.Deal.BillId),
                ("status", change.Deal.Status.ToString()),
                ("block", change.FirstBlock),
                ("tx", (long)change.FirstTransactionIndex),
                ("json", Json(change.Deal)),
                ("terms", change.Terms is null ? null : Json(change.Terms))).ConfigureAwait(false);
        }

        foreach (var pricing in changes.Pricing)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_pricing (deal_id, business_day, block_number, tx_index, json) VALUES (@id, @day, @block, @tx, @json) "
                + "ON CONFLICT (deal_id) DO NOTHING",
                cancellationToken,
                ("id", pricing.DealId),
                ("day", Date(pricing.BusinessDay)),
                ("block", pricing.BlockNumber),
                ("tx", (long)pricing.TransactionIndex),
                ("json", Json(pricing))).ConfigureAwait(false);
        }

        foreach (var activity in changes.Activities)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_activities (block_number, tx_index, bill_id, json) VALUES (@block, @tx, @bill, @json)",
                cancellationToken,
                ("block", activity.BlockNumber),
                ("tx", (long)activity.TransactionIndex),
                ("bill", activity.BillId),
                ("json", Json(activity))).ConfigureAwait(false);
        }

        foreach (var alert in changes.Alerts)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_alerts (sequence, bill_id, json) VALUES (@sequence, @bill, @json)",
                cancellationToken,
                ("sequence", alert.Sequence),
                ("bill", alert.BillId),
                ("json", Json(alert))).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE monitor_checkpoint SET last_block = @block, last_hash = @hash WHERE id = 1",
            cancellationToken,
            ("block", changes.BlockNumber),
            ("hash", Convert.ToHexStringLower(changes.HeaderHash.Span))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in (string[])["monitor_alerts", "monitor_activities", "monitor_pricing", "monitor_deals", "monitor_bills", "monitor_parties"])
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM " + table, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "UPDATE monitor_checkpoint SET last_block = NULL, last_hash = NULL WHERE id = 1", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the pooled connections of a SQLite file (so that it can be deleted).</summary>
    public void Dispose()
    {
        _schemaLock.Dispose();
        if (_dialect.Provider == StorageProvider.Sqlite)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static string Json<T>(T value) => Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(value));

    private static T FromJson<T>(string json) => BillJson.Deserialize<T>(Encoding.UTF8.GetBytes(json));

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static long ReadInt64(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is the store's own text; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the checkpoint block and the header hash stored with it (lower-case hex).</summary>
    private static async Task<(long? Block, string? Hash)> ReadChainHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT last_block, last_hash FROM monitor_checkpoint WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
        {
            return (null, null);
        }

        return (ReadInt64(reader, 0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static async Task<long?> ReadCheckpointAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT last_block FROM monitor_checkpoint WHERE id = 1");
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_schemaReady)
                    {
                        await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                        _schemaReady = true;
                    }
                }
                finally
                {
                    _schemaLock.Release();
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
