using FabricFinance.Chaincode.Handler;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;
using RecordType = Hyperledger.Fabric.Protos.Peer.WriteRecord.Types.Type;

namespace FabricFinance.Chaincode.Stub;

/// <summary>Point reads and writes of public state and private data, and key-level endorsement policies.</summary>
internal sealed partial class ChaincodeStub
{
    /// <summary>The name of <c>protos.MetaDataKeys.VALIDATION_PARAMETER</c>, the metadata entry holding a key-level policy.</summary>
    internal const string ValidationParameterMetakey = "VALIDATION_PARAMETER";

    /// <summary>Public state travels with an empty collection name.</summary>
    private const string PublicState = "";

    public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return GetAsync(MessageType.GetState, PublicState, key, cancellationToken);
    }

    public Task<IReadOnlyList<byte[]?>> GetMultipleStatesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKeys(keys, nameof(keys));
        return GetMultipleAsync(PublicState, keys, cancellationToken);
    }

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        KeyRules.ValidateValue(key, value, nameof(DeleteStateAsync));
        return WriteAsync(new WriteRecord { Type = RecordType.PutState, Key = key, Value = ByteString.CopyFrom(value.Span) }, cancellationToken);
    }

    public Task DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return WriteAsync(new WriteRecord { Type = RecordType.DelState, Key = key }, cancellationToken);
    }

    public Task<byte[]?> GetStateValidationParameterAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return GetValidationParameterAsync(PublicState, key, cancellationToken);
    }

    public Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        return WriteAsync(ValidationParameterRecord(PublicState, key, policy), cancellationToken);
    }

    public Task<byte[]?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return GetAsync(MessageType.GetState, collection, key, cancellationToken);
    }

    public Task<IReadOnlyList<byte[]?>> GetMultiplePrivateDataAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKeys(keys, nameof(keys));
        return GetMultipleAsync(collection, keys, cancellationToken);
    }

    public Task<byte[]?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return GetAsync(MessageType.GetPrivateDataHash, collection, key, cancellationToken);
    }

    public Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        KeyRules.ValidateValue(key, value, nameof(DeletePrivateDataAsync));
        return WriteAsync(new WriteRecord { Type = RecordType.PutState, Collection = collection, Key = key, Value = ByteString.CopyFrom(value.Span) }, cancellationToken);
    }

    public Task DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return WriteAsync(new WriteRecord { Type = RecordType.DelState, Collection = collection, Key = key }, cancellationToken);
    }

    public Task PurgePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return WriteAsync(new WriteRecord { Type = RecordType.PurgePrivateData, Collection = collection, Key = key }, cancellationToken);
    }

    public Task<byte[]?> GetPrivateDataValidationParameterAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return GetValidationParameterAsync(collection, key, cancellationToken);
    }

    public Task SetPrivateDataValidationParameterAsync(string collection, string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        return WriteAsync(ValidationParameterRecord(collection, key, policy), cancellationToken);
    }

    private static WriteRecord ValidationParameterRecord(string collection, string key, ReadOnlyMemory<byte> policy) => new()
    {
        Type = RecordType.PutStateMetadata,
        Collection = collection,
        Key = key,
        Metadata = new StateMetadata { Metakey = ValidationParameterMetakey, Value = ByteString.CopyFrom(policy.Span) },
    };

    /// <summary>GET_STATE or GET_PRIVATE_DATA_HASH: the peer answers the bytes, empty when the key does not exist.</summary>
    private async Task<byte[]?> GetAsync(MessageType type, string collection, string key, CancellationToken cancellationToken)
    {
        var value = await _peer.CallAsync(type, new GetState { Key = key, Collection = collection }, cancellationToken).ConfigureAwait(false);
        return value.IsEmpty ? null : value.ToByteArray();
    }

    private async Task<IReadOnlyList<byte[]?>> GetMultipleAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var values = new byte[]?[keys.Count];
        if (!_capabilities.UseGetMultipleKeys)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                values[i] = await GetAsync(MessageType.GetState, collection, keys[i], cancellationToken).ConfigureAwait(false);
            }

            return values;
        }

        var done = 0;
        foreach (var batch in keys.Chunk(_capabilities.MaxGetMultipleKeys))
        {
            var request = new GetStateMultiple { Collection = collection };
            request.Keys.AddRange(batch);
            var result = await _peer.CallAsync(MessageType.GetStateMultiple, request, GetStateMultipleResult.Parser, cancellationToken).ConfigureAwait(false);
            if (result.Values.Count != batch.Length)
            {
                throw new ChaincodeException($"The peer answered GET_STATE_MULTIPLE for {batch.Length} keys with {result.Values.Count} values.");
            }

            foreach (var value in result.Values)
            {
                values[done++] = value.IsEmpty ? null : value.ToByteArray();
            }
        }

        return values;
    }

    private async Task<byte[]?> GetValidationParameterAsync(string collection, string key, CancellationToken cancellationToken)
    {
        var metadata = await _peer.CallAsync(
            MessageType.GetStateMetadata,
            new GetStateMetadata { Key = key, Collection = collection },
            StateMetadataResult.Parser,
            cancellationToken).ConfigureAwait(false);
        var entry = metadata.Entries.FirstOrDefault(e => e.Metakey == ValidationParameterMetakey);
        return entry is null || entry.Value.IsEmpty ? null : entry.Value.ToByteArray();
    }
}
