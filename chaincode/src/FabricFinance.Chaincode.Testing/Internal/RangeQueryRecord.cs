namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// A range query in a transaction's read set, as Fabric records it for phantom detection: the start key,
/// the end key (the query's end when the peer's iterator was exhausted, else the last key the peer
/// fetched, inclusive) and the keys with their versions the peer fetched.
/// </summary>
internal sealed class RangeQueryRecord(string startKey, string endKey)
{
    public string StartKey { get; } = startKey;

    /// <summary>Gets the query's end key; replaced by the last fetched key while the iterator is not exhausted.</summary>
    public string EndKey { get; private set; } = endKey;

    public string QueryEndKey { get; } = endKey;

    public bool Exhausted { get; private set; }

    public List<(string Key, KeyVersion Version)> Reads { get; } = [];

    public void Add(string key, KeyVersion version)
    {
        Reads.Add((key, version));
        EndKey = key;
    }

    public void MarkExhausted()
    {
        Exhausted = true;
        EndKey = QueryEndKey;
    }
}
