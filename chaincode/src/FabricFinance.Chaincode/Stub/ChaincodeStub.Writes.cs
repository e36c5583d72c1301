using System.Diagnostics;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;
using RecordType = Hyperledger.Fabric.Protos.Peer.WriteRecord.Types.Type;

namespace FabricFinance.Chaincode.Stub;

/// <summary>Writes: one message each, or buffered in a write batch when the chaincode opened one.</summary>
internal sealed partial class ChaincodeStub
{
    private readonly Lock _batchLock = new();
    private WriteBatch? _batch;

    public bool StartWriteBatch()
    {
        if (!_capabilities.UseWriteBatch)
        {
            return false;
        }

        lock (_batchLock)
        {
            _batch ??= new WriteBatch();
        }

        return true;
    }

    public async Task FinishWriteBatchAsync(CancellationToken cancellationToken = default)
    {
        WriteBatch? batch;
        lock (_batchLock)
        {
            batch = _batch;
            _batch = null;
        }

        if (batch is null)
        {
            return;
        }

        foreach (var records in batch.Records.Chunk(_capabilities.MaxWriteBatchSize))
        {
            var request = new WriteBatchState();
            request.Rec.AddRange(records);
            await _peer.CallAsync(MessageType.WriteBatchState, request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the open write batch, if any (the transaction failed).</summary>
    internal void DiscardWriteBatch()
    {
        lock (_batchLock)
        {
            _batch = null;
        }
    }

    /// <summary>Buffers the write when a batch is open, else sends it as its own message.</summary>
    private Task WriteAsync(WriteRecord record, CancellationToken cancellationToken)
    {
        lock (_batchLock)
        {
            if (_batch is not null)
            {
                _batch.Add(record);
                return Task.CompletedTask;
            }
        }

        var (type, request) = ToMessage(record);
        return _peer.CallAsync(type, request, cancellationToken);
    }

    /// <summary>The single-write message equivalent to a write record.</summary>
    private static (MessageType Type, IMessage Request) ToMessage(WriteRecord record) => record.Type switch
    {
        RecordType.PutState => (MessageType.PutState, new PutState { Key = record.Key, Value = record.Value, Collection = record.Collection }),
        RecordType.DelState => (MessageType.DelState, new DelState { Key = record.Key, Collection = record.Collection }),
        RecordType.PutStateMetadata => (MessageType.PutStateMetadata, new PutStateMetadata { Key = record.Key, Collection = record.Collection, Metadata = record.Metadata }),
        RecordType.PurgePrivateData => (MessageType.PurgePrivateData, new PurgePrivateState { Key = record.Key, Collection = record.Collection }),
        _ => throw new UnreachableException($"The stub built a write record of type {record.Type}."),
    };
}
