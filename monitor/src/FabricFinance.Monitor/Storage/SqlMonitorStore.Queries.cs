using System.Data.Common;
using System.Text;
using System.Text.Json;
using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Storage;

/// <summary>The reads: the web's queries, the rules' context, the projection's look-ups and the canonical export.</summary>
public sealed partial class SqlMonitorStore
{
    private const int MaxBillPage = 200;
    private const int MaxDealPage = 200;
    private const int MaxAlertPage = 500;

    /// <inheritdoc/>
    public async Task<MarketOverview> GetOverviewAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var lastBlock = await ReadCheckpointAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var parties = await CountAsync(connection, "SELECT COUNT(*) FROM monitor_parties", cancellationToken).ConfigureAwait(false);
        var deals = await CountAsync(connection, "SELECT COUNT(*) FROM monitor_deals", cancellationToken).ConfigureAwait(false);
        var alerts = await CountAsync(connection, "SELECT COUNT(*) FROM monitor_alerts", cancellationToken).ConfigureAwait(false);
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = Command(connection, null, "SELECT status, COUNT(*) FROM monitor_bills GROUP BY status"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byStatus[reader.GetString(0)] = (int)ReadInt64(reader, 1);
            }
        }

        var counts = Enum.GetValues<BillStatus>()
            .Where(status => byStatus.ContainsKey(status.ToString()))
            .Select(status => new StatusCount(status, byStatus[status.ToString()]))
            .ToList();
        return new MarketOverview(lastBlock, (int)parties, counts, (int)deals, alerts);
    }

    /// <inheritdoc/>
    public async Task<BillListPage> QueryBillsAsync(BillQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, "query.Offset");
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, "query.Limit");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxBillPage, "query.Limit");
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("status", status.ToString()));
        }

        if (query.Holder is { } holder)
        {
            conditions.Add("holder = @holder");
            parameters.Add(("holder", holder));
        }

        if (query.DueFrom is { } from)
        {
            conditions.Add("due_date >= @from");
            parameters.Add(("from", Date(from)));
        }

        if (query.DueTo is { } to)
        {
            conditions.Add("due_date <= @to");
            parameters.Add(("to", Date(to)));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        long total;
        await using (var count = Command(connection, null, "SELECT COUNT(*) FROM monitor_bills" + where, [.. parameters]))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        parameters.Add(("limit", (long)query.Limit));
        parameters.Add(("offset", (long)query.Offset));
        var bills = await ReadJsonAsync<Bill>(
            connection,
            "SELECT json FROM monitor_bills" + where + " ORDER BY due_date, id LIMIT @limit OFFSET @offset",
            cancellationToken,
            [.. parameters]).ConfigureAwait(false);
        return new BillListPage(bills, (int)total, query.Offset, query.Limit);
    }

    /// <inheritdoc/>
    public async Task<BillTimeline?> GetBillTimelineAsync(string billId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var bills = await ReadJsonAsync<Bill>(connection, "SELECT json FROM monitor_bills WHERE id = @id", cancellationToken, ("id", billId)).ConfigureAwait(false);
        if (bills.Count == 0)
        {
            return null;
        }

        var activities = await ReadActivitiesAsync(connection, billId, cancellationToken).ConfigureAwait(false);
        var deals = await ReadDealsAsync(
            connection,
            "SELECT json, terms FROM monitor_deals WHERE bill_id = @bill ORDER BY first_block, first_tx, id",
            cancellationToken,
            ("bill", billId)).ConfigureAwait(false);
        var alerts = await ReadJsonAsync<MarketAlert>(
            connection, "SELECT json FROM monitor_alerts WHERE bill_id = @bill ORDER BY sequence", cancellationToken, ("bill", billId)).ConfigureAwait(false);
        return new BillTimeline(bills[0], activities, deals, alerts);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DealView>> QueryDealsAsync(DealQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, "query.Offset");
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, "query.Limit");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxDealPage, "query.Limit");
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.BillId is { } billId)
        {
            conditions.Add("bill_id = @bill");
            parameters.Add(("bill", billId));
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("status", status.ToString()));
        }

        parameters.Add(("limit", (long)query.Limit));
        parameters.Add(("offset", (long)query.Offset));
        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDealsAsync(
            connection,
            "SELECT json, terms FROM monitor_deals" + where + " ORDER BY first_block DESC, first_tx DESC, id LIMIT @limit OFFSET @offset",
            cancellationToken,
            [.. parameters]).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<MarketAlert>> GetAlertsAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxAlertPage);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<MarketAlert>(
            connection,
            "SELECT json FROM monitor_alerts WHERE sequence > @after ORDER BY sequence LIMIT @limit",
            cancellationToken,
            ("after", afterSequence),
            ("limit", (long)limit)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Party>> GetPartiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<Party>(connection, "SELECT json FROM monitor_parties ORDER BY id", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<BillActivity>> GetBillActivitiesAsync(string billId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(billId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadActivitiesAsync(connection, billId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<DealPricing>> GetPricingOnAsync(DateOnly businessDay, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<DealPricing>(
            connection,
            "SELECT json FROM monitor_pricing WHERE business_day = @day ORDER BY block_number, tx_index, deal_id",
            cancellationToken,
            ("day", Date(businessDay))).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Bill?> GetBillAsync(string billId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(billId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var bills = await ReadJsonAsync<Bill>(connection, "SELECT json FROM monitor_bills WHERE id = @id", cancellationToken, ("id", billId)).ConfigureAwait(false);
        return bills.Count == 0 ? null : bills[0];
    }

    /// <inheritdoc/>
    public async Task<DealChange?> GetDealAsync(string dealId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dealId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT json, terms, first_block, first_tx FROM monitor_deals WHERE id = @id", ("id", dealId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DealChange(
            FromJson<Deal>(reader.GetString(0)),
            reader.IsDBNull(1) ? null : FromJson<DealTerms>(reader.GetString(1)),
            ReadInt64(reader, 2),
            (int)ReadInt64(reader, 3));
    }

    /// <inheritdoc/>
    public async Task<long> GetLastAlertSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CountAsync(connection, "SELECT COALESCE(MAX(sequence), 0) FROM monitor_alerts", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            var (checkpoint, checkpointHash) = await ReadChainHeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (checkpoint is { } lastBlock)
            {
                writer.WriteNumber("lastBlock", lastBlock);
            }
            else
            {
                writer.WriteNull("lastBlock");
            }

            // The same chain gives the same hash, whether followed live or rebuilt, on either database.
            writer.WriteString("lastBlockHash", checkpointHash);

            await ExportTableAsync(writer, connection, "parties", "SELECT json FROM monitor_parties ORDER BY id", cancellationToken).ConfigureAwait(false);
            await ExportTableAsync(writer, connection, "bills", "SELECT json FROM monitor_bills ORDER BY id", cancellationToken).ConfigureAwait(false);
            await ExportTableAsync(
                writer, connection, "deals", "SELECT json, terms, first_block, first_tx FROM monitor_deals ORDER BY id", cancellationToken).ConfigureAwait(false);
            await ExportTableAsync(writer, connection, "pricing", "SELECT json FROM monitor_pricing ORDER BY deal_id", cancellationToken).ConfigureAwait(false);
            await ExportTableAsync(
                writer, connection, "activities", "SELECT json FROM monitor_activities ORDER BY block_number, tx_index, bill_id", cancellationToken).ConfigureAwait(false);
            await ExportTableAsync(writer, connection, "alerts", "SELECT json FROM monitor_alerts ORDER BY sequence", cancellationToken).ConfigureAwait(false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a table as an array: one stored JSON record per row, or, with more columns, an object of them.</summary>
    private static async Task ExportTableAsync(Utf8JsonWriter writer, DbConnection connection, string name, string sql, CancellationToken cancellationToken)
    {
        writer.WriteStartArray(name);
        await using var command = Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.FieldCount == 1)
            {
                writer.WriteRawValue(reader.GetString(0));
                continue;
            }

            writer.WriteStartObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var column = reader.GetName(i);
                if (reader.IsDBNull(i))
                {
                    writer.WriteNull(column);
                }
                else if (column is "json" or "terms")
                {
                    writer.WritePropertyName(column);
                    writer.WriteRawValue(reader.GetString(i));
                }
                else
                {
                    writer.WriteNumber(column, ReadInt64(reader, i));
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ReadJsonAsync<T>(
        DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(FromJson<T>(reader.GetString(0)));
        }

        return results;
    }

    private static async Task<List<DealView>> ReadDealsAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<DealView>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new DealView(
                FromJson<Deal>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : FromJson<DealTerms>(reader.GetString(1))));
        }

        return results;
    }

    private static Task<List<BillActivity>> ReadActivitiesAsync(DbConnection connection, string billId, CancellationToken cancellationToken) =>
        ReadJsonAsync<BillActivity>(
            connection,
            "SELECT json FROM monitor_activities WHERE bill_id = @bill ORDER BY block_number, tx_index",
            cancellationToken,
            ("bill", billId));
}
