namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// A query iterator served the way a Fabric 2.5 peer serves it to a chaincode: batches of 100 records
/// (the peer fetches one record ahead before it cuts a batch), at most the total query limit in all,
/// and for a paginated query one page with no batching. Fetching a record is what puts it in the read
/// set, so a chaincode that stops early leaves the same read set as on a peer.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class PeerQuery<T>(IEnumerator<T> source, int totalLimit, bool paginated, Action? onExhausted) : IDisposable
{
    /// <summary>The peer's batch size between it and the chaincode (Fabric's <c>MaxResultLimit</c>, fixed at 100).</summary>
    public const int BatchSize = 100;

    private readonly List<T> _pending = [];

    /// <summary>Gets how many records the peer fetched so far (the page's <c>fetched_records_count</c>).</summary>
    public int Fetched { get; private set; }

    /// <summary>Fetches the next batch, as the first query message or QUERY_STATE_NEXT does.</summary>
    public (IReadOnlyList<T> Batch, bool HasMore) NextBatch()
    {
        while (true)
        {
            if (Fetched >= totalLimit)
            {
                return (Cut(), false);
            }

            if (!source.MoveNext())
            {
                onExhausted?.Invoke();
                return (Cut(), false);
            }

            var record = source.Current;
            if (!paginated && _pending.Count == BatchSize)
            {
                var batch = Cut();
                _pending.Add(record);
                Fetched++;
                return (batch, true);
            }

            _pending.Add(record);
            Fetched++;
        }
    }

    public void Dispose() => source.Dispose();

    private List<T> Cut()
    {
        var batch = new List<T>(_pending);
        _pending.Clear();
        return batch;
    }
}
