using System.Runtime.CompilerServices;
using FabricFinance.Chaincode.Handler;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Ledger.QueryResult;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Stub;

/// <summary>Range, partial composite key, rich and history queries, streamed or one page at a time.</summary>
internal sealed partial class ChaincodeStub
{
    /// <summary>The peer reads an empty start key as "no range"; Fabric's shims send U+0001 instead.</summary>
    private const string FirstKey = "\u0001";

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        return QueryAsync(MessageType.GetStateByRange, RangeRequest(PublicState, startKey, endKey), ReadKeyValue, null, cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        KeyRules.ValidatePaging(pageSize, bookmark);
        return QueryPageAsync(MessageType.GetStateByRange, RangeRequest(PublicState, startKey, endKey, Paging(pageSize, bookmark)), cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        var (start, end) = CompositeKey.PartialKeyRange(objectType, attributes);
        return QueryAsync(MessageType.GetStateByRange, new GetStateByRange { StartKey = start, EndKey = end }, ReadKeyValue, null, cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        var (start, end) = CompositeKey.PartialKeyRange(objectType, attributes);
        KeyRules.ValidatePaging(pageSize, bookmark);
        var request = new GetStateByRange { StartKey = start, EndKey = end, Metadata = Paging(pageSize, bookmark) };
        return QueryPageAsync(MessageType.GetStateByRange, request, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetQueryResultAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        return QueryAsync(MessageType.GetQueryResult, new GetQueryResult { Query = query }, ReadKeyValue, null, cancellationToken);
    }

    public Task<QueryPage<KeyValue>> GetQueryResultWithPaginationAsync(string query, int pageSize, string bookmark, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        KeyRules.ValidatePaging(pageSize, bookmark);
        return QueryPageAsync(MessageType.GetQueryResult, new GetQueryResult { Query = query, Metadata = Paging(pageSize, bookmark) }, cancellationToken);
    }

    public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return QueryAsync(MessageType.GetHistoryForKey, new GetHistoryForKey { Key = key }, ReadKeyModification, null, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateRangeKey(startKey, nameof(startKey));
        KeyRules.ValidateRangeKey(endKey, nameof(endKey));
        return QueryAsync(MessageType.GetStateByRange, RangeRequest(collection, startKey, endKey), ReadKeyValue, null, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataByPartialCompositeKeyAsync(string collection, string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        var (start, end) = CompositeKey.PartialKeyRange(objectType, attributes);
        var request = new GetStateByRange { StartKey = start, EndKey = end, Collection = collection };
        return QueryAsync(MessageType.GetStateByRange, request, ReadKeyValue, null, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataQueryResultAsync(string collection, string query, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        ArgumentException.ThrowIfNullOrEmpty(query);
        return QueryAsync(MessageType.GetQueryResult, new GetQueryResult { Query = query, Collection = collection }, ReadKeyValue, null, cancellationToken);
    }

    private static GetStateByRange RangeRequest(string collection, string startKey, string endKey, ByteString? paging = null) => new()
    {
        StartKey = startKey.Length == 0 ? FirstKey : startKey,
        EndKey = endKey,
        Collection = collection,
        Metadata = paging ?? ByteString.Empty,
    };

    private static ByteString Paging(int pageSize, string bookmark) =>
        new QueryMetadata { PageSize = pageSize, Bookmark = bookmark }.ToByteString();

    private static KeyValue ReadKeyValue(ByteString bytes, MessageType query)
    {
        var kv = PeerCallsExtensions.Parse(KV.Parser, bytes, query);
        return new KeyValue(kv.Key, kv.Value.Memory);
    }

    private static KeyModification ReadKeyModification(ByteString bytes, MessageType query)
    {
        var change = PeerCallsExtensions.Parse(Hyperledger.Fabric.Protos.Ledger.QueryResult.KeyModification.Parser, bytes, query);
        return new KeyModification(change.TxId, change.Value.Memory, change.Timestamp?.ToDateTimeOffset() ?? default, change.IsDelete);
    }

    /// <summary>Runs a paginated query: the whole page, then the paging metadata the peer attached.</summary>
    private async Task<QueryPage<KeyValue>> QueryPageAsync(MessageType type, IMessage request, CancellationToken cancellationToken)
    {
        var records = new List<KeyValue>();
        var metadata = ByteString.Empty;
        await foreach (var record in QueryAsync(type, request, ReadKeyValue, m => metadata = m, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        var paging = metadata.IsEmpty ? new QueryResponseMetadata() : PeerCallsExtensions.Parse(QueryResponseMetadata.Parser, metadata, type);
        return new QueryPage<KeyValue>(records, paging.FetchedRecordsCount, paging.Bookmark);
    }

    /// <summary>
    /// Every query kind: the first page from <paramref name="type"/>, later ones from QUERY_STATE_NEXT
    /// while the peer has more. When the caller stops before the last page, QUERY_STATE_CLOSE releases
    /// the peer's iterator. Nothing is closed after the last page (the peer released the iterator when
    /// it sent it) or after a failed request (the peer drops the iterator on error, and all of a
    /// transaction's iterators when it completes).
    /// </summary>
    private async IAsyncEnumerable<T> QueryAsync<T>(
        MessageType type,
        IMessage request,
        Func<ByteString, MessageType, T> read,
        Action<ByteString>? onMetadata,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await _peer.CallAsync(type, request, QueryResponse.Parser, cancellationToken).ConfigureAwait(false);
        var peerIteratorOpen = page.HasMore; // the peer releases an iterator as soon as it sends the last page
        try
        {
            while (true)
            {
                if (!page.Metadata.IsEmpty)
                {
                    onMetadata?.Invoke(page.Metadata);
                }

                foreach (var result in page.Results)
                {
                    yield return read(result.ResultBytes, type);
                }

                if (!page.HasMore)
                {
                    yield break;
                }

                peerIteratorOpen = false;
                page = await _peer.CallAsync(MessageType.QueryStateNext, new QueryStateNext { Id = page.Id }, QueryResponse.Parser, cancellationToken).ConfigureAwait(false);
                peerIteratorOpen = page.HasMore;
            }
        }
        finally
        {
            if (peerIteratorOpen)
            {
                await _peer.CallAsync(MessageType.QueryStateClose, new QueryStateClose { Id = page.Id }, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
