using System.Globalization;
using System.Text;
using System.Text.Json;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>Range, composite key, rich and history queries.</summary>
public sealed partial class ProbeContract
{
    /// <summary>Streams a range: the count, first and last key, a digest of all keys, whether they came in UTF-8 byte order, and the keys when at most 20.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> Range(Context context, string startKey, string endKey)
    {
        var keys = new List<string>();
        await foreach (var kv in context.Stub.GetStateByRangeAsync(startKey, endKey, context.CancellationToken))
        {
            keys.Add(kv.Key);
        }

        return ProbeJson.Answer(w => WriteKeys(w, keys));
    }

    /// <summary>Reads a range, stops after <paramref name="stopAfter"/> records, and writes how many it saw to <paramref name="target"/>: what such a transaction leaves in its read set is what the validator re-checks.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> RangeStopAndWrite(Context context, string startKey, string endKey, int stopAfter, string target)
    {
        var seen = 0;
        await foreach (var kv in context.Stub.GetStateByRangeAsync(startKey, endKey, context.CancellationToken))
        {
            if (++seen >= stopAfter)
            {
                break;
            }
        }

        await context.Stub.PutStateAsync(target, Encoding.UTF8.GetBytes(seen.ToString(CultureInfo.InvariantCulture)), context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteString("txId", context.Stub.TransactionId);
            w.WriteNumber("seen", seen);
        });
    }

    /// <summary>Reads one page of a range.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> RangePage(Context context, string startKey, string endKey, int pageSize, string bookmark)
    {
        var page = await context.Stub.GetStateByRangeWithPaginationAsync(startKey, endKey, pageSize, bookmark, context.CancellationToken);
        return ProbeJson.Answer(w =>
        {
            w.WriteNumber("fetched", page.FetchedRecordsCount);
            w.WriteString("bookmark", page.Bookmark);
            w.WriteStartArray("keys");
            foreach (var kv in page.Records)
            {
                w.WriteStringValue(kv.Key);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Reads a whole range page by page in one transaction, following the bookmarks.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> RangeAllPages(Context context, string startKey, string endKey, int pageSize)
    {
        var pages = new List<QueryPage<KeyValue>>();
        var bookmark = string.Empty;
        do
        {
            var page = await context.Stub.GetStateByRangeWithPaginationAsync(startKey, endKey, pageSize, bookmark, context.CancellationToken);
            pages.Add(page);
            bookmark = page.Bookmark;
        }
        while (bookmark.Length > 0 && pages.Count < 1000);

        return ProbeJson.Answer(w =>
        {
            WritePages(w, pages, k => k);
            WriteKeys(w, [.. pages.SelectMany(p => p.Records).Select(r => r.Key)], withKeys: false);
        });
    }

    /// <summary>A paginated query and then a write: the peer refuses the write.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> PageThenWrite(Context context, string startKey, string endKey, string key)
    {
        try
        {
            await context.Stub.GetStateByRangeWithPaginationAsync(startKey, endKey, 1, string.Empty, context.CancellationToken);
            await context.Stub.PutStateAsync(key, "x"u8.ToArray(), context.CancellationToken);
            return ProbeJson.Answer(w => w.WriteNull("error"));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Writes composite keys (objectType, owner, 0000…) with values.</summary>
    [Transaction]
    public async Task<ChaincodeResponse> SeedComposite(Context context, string objectType, string owner, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = CompositeKey.Create(objectType, owner, i.ToString("D4", CultureInfo.InvariantCulture));
            await context.Stub.PutStateAsync(key, Encoding.UTF8.GetBytes("v" + i.ToString(CultureInfo.InvariantCulture)), context.CancellationToken);
        }

        return ProbeJson.Answer(w => w.WriteNumber("written", count));
    }

    /// <summary>Streams the composite keys matching a partial key (attributes as a JSON array).</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> Partial(Context context, string objectType, string attributesJson)
    {
        var keys = new List<string>();
        await foreach (var kv in context.Stub.GetStateByPartialCompositeKeyAsync(objectType, ProbeJson.ReadArray(attributesJson), context.CancellationToken))
        {
            keys.Add(kv.Key);
        }

        return ProbeJson.Answer(w =>
        {
            w.WriteNumber("count", keys.Count);
            w.WriteString("first", keys.Count > 0 ? Describe(keys[0]) : string.Empty);
            w.WriteString("last", keys.Count > 0 ? Describe(keys[^1]) : string.Empty);
        });
    }

    /// <summary>Reads all composite keys matching a partial key, page by page.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> PartialAllPages(Context context, string objectType, string attributesJson, int pageSize)
    {
        var attributes = ProbeJson.ReadArray(attributesJson);
        var pages = new List<QueryPage<KeyValue>>();
        var bookmark = string.Empty;
        do
        {
            var page = await context.Stub.GetStateByPartialCompositeKeyWithPaginationAsync(objectType, attributes, pageSize, bookmark, context.CancellationToken);
            pages.Add(page);
            bookmark = page.Bookmark;
        }
        while (bookmark.Length > 0 && pages.Count < 1000);

        return ProbeJson.Answer(w =>
        {
            WritePages(w, pages, Describe);
            w.WriteNumber("total", pages.Sum(p => p.Records.Count));
        });
    }

    /// <summary>A rich (CouchDB) query, streamed or as one page; on LevelDB the peer refuses it.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> RichQuery(Context context, string query, int pageSize)
    {
        try
        {
            var count = 0;
            if (pageSize > 0)
            {
                count = (await context.Stub.GetQueryResultWithPaginationAsync(query, pageSize, string.Empty, context.CancellationToken)).Records.Count;
            }
            else
            {
                await foreach (var kv in context.Stub.GetQueryResultAsync(query, context.CancellationToken))
                {
                    count++;
                }
            }

            return ProbeJson.Answer(w => w.WriteNumber("count", count));
        }
        catch (ChaincodeException ex)
        {
            return ProbeJson.Error(context.Stub, ex);
        }
    }

    /// <summary>Lists a key's committed changes, newest first.</summary>
    [Transaction(Evaluate = true)]
    public async Task<ChaincodeResponse> History(Context context, string key)
    {
        var changes = new List<KeyModification>();
        await foreach (var change in context.Stub.GetHistoryForKeyAsync(key, context.CancellationToken))
        {
            changes.Add(change);
        }

        return ProbeJson.Answer(w =>
        {
            w.WriteStartArray("entries");
            foreach (var change in changes)
            {
                w.WriteStartObject();
                w.WriteString("txId", change.TransactionId);
                w.WriteBoolean("isDelete", change.IsDelete);
                w.WriteString("value", Encoding.UTF8.GetString(change.Value.Span));
                w.WriteString("timestamp", ProbeJson.Timestamp(change.Timestamp));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static void WriteKeys(Utf8JsonWriter w, List<string> keys, bool withKeys = true)
    {
        w.WriteNumber("count", keys.Count);
        w.WriteString("first", keys.Count > 0 ? keys[0] : string.Empty);
        w.WriteString("last", keys.Count > 0 ? keys[^1] : string.Empty);
        w.WriteString("keysSha256", ProbeJson.Sha256(Encoding.UTF8.GetBytes(string.Join('\n', keys))));
        var ordered = true;
        for (var i = 1; i < keys.Count; i++)
        {
            ordered &= Encoding.UTF8.GetBytes(keys[i - 1]).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(keys[i])) < 0;
        }

        w.WriteBoolean("utf8Ordered", ordered);
        if (withKeys && keys.Count <= 20)
        {
            w.WriteStartArray("keys");
            foreach (var key in keys)
            {
                w.WriteStringValue(key);
            }

            w.WriteEndArray();
        }
    }

    private static void WritePages(Utf8JsonWriter w, List<QueryPage<KeyValue>> pages, Func<string, string> describe)
    {
        w.WriteStartArray("pages");
        foreach (var page in pages)
        {
            w.WriteStartObject();
            w.WriteNumber("count", page.Records.Count);
            w.WriteNumber("fetched", page.FetchedRecordsCount);
            w.WriteString("first", page.Records.Count > 0 ? describe(page.Records[0].Key) : string.Empty);
            w.WriteString("bookmark", page.Bookmark.Length > 0 ? describe(page.Bookmark) : string.Empty);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A composite key as <c>type/attr/attr</c>, since U+0000 does not read well.</summary>
    private static string Describe(string compositeKey)
    {
        var parts = CompositeKey.Split(compositeKey);
        return string.Join('/', [parts.ObjectType, .. parts.Attributes]);
    }
}
