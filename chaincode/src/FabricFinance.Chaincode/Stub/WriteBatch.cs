using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Stub;

/// <summary>
/// The writes a transaction buffers while its write batch is open. As in the Go shim, a later write
/// to the same slot replaces an earlier one; a slot is a (collection, key) for data writes (put,
/// delete, purge) and a (collection, key, metakey) for metadata writes. Unlike the Go shim's map,
/// records keep the order of their first write, so the batches sent are the same on every endorser.
/// Not thread-safe: the stub locks around it.
/// </summary>
internal sealed class WriteBatch
{
    private readonly List<WriteRecord> _records = [];
    private readonly Dictionary<(string Collection, string Key, string? Metakey), int> _slots = [];

    public int Count => _records.Count;

    public IReadOnlyList<WriteRecord> Records => _records;

    public void Add(WriteRecord record)
    {
        var metakey = record.Type == WriteRecord.Types.Type.PutStateMetadata ? record.Metadata.Metakey : null;
        var slot = (record.Collection, record.Key, metakey);
        if (_slots.TryGetValue(slot, out var index))
        {
            _records[index] = record;
        }
        else
        {
            _slots.Add(slot, _records.Count);
            _records.Add(record);
        }
    }
}
