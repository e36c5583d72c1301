using System.Runtime.CompilerServices;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>Range, partial composite key, rich and history queries, streamed in the peer's batches or one page at a time.</summary>
internal sealed partial class InMemoryStub
{
    /// <summary>The shim sends an empty start key as U+0001 (the peer reads an empty one as "no range").</summary>
    private const string FirstKey = "\u0001";

    private const string RangeMessage = "GET_STATE_BY_RANGE";
    private const string QueryMessage = "GET_QUERY_RESULT";

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        return StreamAsync(() => OpenPublicRange(startKey.Length == 0 ? FirstKey : startKey, endKey), cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        KeyRules.ValidatePaging(pageSize, bookmark);
        return Task.FromResult(PublicPage(startKey.Length == 0 ? FirstKey : startKey, endKey, pageSize, bookmark));
    }

    public IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        var (start, end) = PartialKeyRange(objectType, attributes);
        return StreamAsync(() => OpenPublicRange(start, end), cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        var (start, end) = PartialKeyRange(objectType, attributes);
        KeyRules.ValidatePaging(pageSize, bookmark);
        return Task.FromResult(PublicPage(start, end, pageSize, bookmark));
    }

    public IAsyncEnumerable<KeyValue> GetQueryResultAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        return StreamAsync<KeyValue>(
            () =>
            {
                EnsureActive();
                throw PeerErrors.Refused(QueryMessage, TransactionId, "ExecuteQuery not supported for leveldb");
            },
            cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetQueryResultWithPaginationAsync(string query, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        KeyRules.ValidatePaging(pageSize, bookmark);
        lock (Simulator.Sync)
        {
            EnsureActive();
            if (Simulator.BeginPaginatedQuery() is { } refusal)
            {
                throw PeerErrors.Refused(QueryMessage, TransactionId, refusal);
            }

            throw PeerErrors.Refused(QueryMessage, TransactionId, "ExecuteQueryWithMetadata not supported for leveldb");
        }
    }

    public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return StreamAsync(
            () =>
            {
                EnsureActive();
                var history = State.HistoryOf(_namespace, key);
                return new PeerQuery<KeyModification>(Enumerable.Reverse(history).GetEnumerator(), _context.Ledger.TotalQueryLimit, paginated: false, onExhausted: null);
            },
            cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        return StreamAsync(() => OpenPrivateRange(collection, startKey.Length == 0 ? FirstKey : startKey, endKey), cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataByPartialCompositeKeyAsync(string collection, string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        var (start, end) = PartialKeyRange(objectType, attributes);
        return StreamAsync(() => OpenPrivateRange(collection, start, end), cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataQueryResultAsync(string collection, string query, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        ArgumentException.ThrowIfNullOrEmpty(query);
        return StreamAsync<KeyValue>(
            () =>
            {
                BeginPrivateQuery(QueryMessage, collection);
                throw PeerErrors.Refused(QueryMessage, TransactionId, "ExecuteQuery not supported for leveldb");
            },
            cancellationToken);
    }

    private static (string Start, string End) PartialKeyRange(string objectType, IReadOnlyList<string> attributes)
    {
        var start = CompositeKey.Create(objectType, attributes);
        return (start, start + CompositeKey.MaxUnicodeRune);
    }

    /// <summary>A public range query: every key the peer fetches goes into the range's read record.</summary>
    private PeerQuery<KeyValue> OpenPublicRange(string startKey, string endKey)
    {
        EnsureActive();
        var record = new RangeQueryRecord(startKey, endKey);
        Simulator.For(_namespace).RangeQueries.Add(record);
        var source = State.PublicOf(_namespace).Range(startKey, endKey).Select(entry =>
        {
            record.Add(entry.Key, entry.Value.Version);
            return new KeyValue(entry.Key, entry.Value.Value.ToArray());
        });
        return new PeerQuery<KeyValue>(source.GetEnumerator(), _context.Ledger.TotalQueryLimit, paginated: false, record.MarkExhausted);
    }

    /// <summary>
    /// One page of a public range: from the bookmark (the next key) when there is one, at most
    /// <paramref name="pageSize"/> (and the total query limit) records, and the key after the page as the
    /// next bookmark. The page is in the read set like any range query.
    /// </summary>
    private QueryPage<KeyValue> PublicPage(string startKey, string endKey, int pageSize, string bookmark)
    {
        lock (Simulator.Sync)
        {
            EnsureActive();
            if (Simulator.BeginPaginatedQuery() is { } refusal)
            {
                throw PeerErrors.Refused(RangeMessage, TransactionId, refusal);
            }

            var start = bookmark.Length > 0 ? bookmark : startKey;
            var record = new RangeQueryRecord(start, endKey);
            Simulator.For(_namespace).RangeQueries.Add(record);
            using var scan = State.PublicOf(_namespace).Range(start, endKey).GetEnumerator();
            var recording = Recording(scan, record);
            using var query = new PeerQuery<KeyValue>(recording, Math.Min(pageSize, _context.Ledger.TotalQueryLimit), paginated: true, record.MarkExhausted);
            var (records, _) = query.NextBatch();
            var next = !record.Exhausted && scan.MoveNext() ? scan.Current.Key : string.Empty;
            return new QueryPage<KeyValue>(records, query.Fetched, next);
        }

        static IEnumerator<KeyValue> Recording(IEnumerator<KeyValuePair<string, VersionedValue>> scan, RangeQueryRecord record)
        {
            while (scan.MoveNext())
            {
                record.Add(scan.Current.Key, scan.Current.Value.Version);
                yield return new KeyValue(scan.Current.Key, scan.Current.Value.Value.ToArray());
            }
        }
    }

    /// <summary>A private range: refused after a write, blocks writes after it, and records no reads (Fabric does not re-check it).</summary>
    private PeerQuery<KeyValue> OpenPrivateRange(string collection, string startKey, string endKey)
    {
        var definition = BeginPrivateQuery(RangeMessage, collection);
        var space = _context.PeerHoldsValuesOf(definition) ? State.PrivateOf(_namespace, collection) : KeySpace.Empty;
        var source = space.Range(startKey, endKey).Select(entry => new KeyValue(entry.Key, entry.Value.Value.ToArray()));
        return new PeerQuery<KeyValue>(source.GetEnumerator(), _context.Ledger.TotalQueryLimit, paginated: false, onExhausted: null);
    }

    private CollectionDefinition BeginPrivateQuery(string message, string collection)
    {
        EnsureActive();
        RefuseInInit(message);
        RequireReadAccess(message, collection);
        if (Simulator.BeginPrivateQuery() is { } refusal)
        {
            throw PeerErrors.Refused(message, TransactionId, refusal);
        }

        return RequireDefined(message, collection);
    }

    /// <summary>
    /// Streams a query as the shim does: nothing reaches the ledger until the first record is asked for,
    /// then one batch at a time; stopping early fetches nothing more.
    /// </summary>
    private async IAsyncEnumerable<T> StreamAsync<T>(Func<PeerQuery<T>> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        PeerQuery<T> query;
        IReadOnlyList<T> batch;
        bool hasMore;
        lock (Simulator.Sync)
        {
            query = open();
            (batch, hasMore) = query.NextBatch();
        }

        using (query)
        {
            while (true)
            {
                foreach (var record in batch)
                {
                    yield return record;
                }

                if (!hasMore)
                {
                    yield break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                lock (Simulator.Sync)
                {
                    EnsureActive();
                    (batch, hasMore) = query.NextBatch();
                }
            }
        }
    }
}
