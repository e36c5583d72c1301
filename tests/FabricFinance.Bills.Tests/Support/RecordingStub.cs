using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>An <see cref="IChaincodeStub"/> that forwards every call and notes the private data ones in a <see cref="PrivateDataLog"/>.</summary>
/// <param name="inner">The ledger's stub.</param>
/// <param name="log">The log.</param>
public sealed class RecordingStub(IChaincodeStub inner, PrivateDataLog log) : IChaincodeStub
{
    public string ChannelId => inner.ChannelId;

    public string TransactionId => inner.TransactionId;

    public DateTimeOffset TransactionTimestamp => inner.TransactionTimestamp;

    public IReadOnlyList<ReadOnlyMemory<byte>> Arguments => inner.Arguments;

    public string FunctionName => inner.FunctionName;

    public IReadOnlyList<string> Parameters => inner.Parameters;

    public ReadOnlyMemory<byte> Creator => inner.Creator;

    public string CreatorMspId => inner.CreatorMspId;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData => inner.TransientData;

    public ReadOnlyMemory<byte> Binding => inner.Binding;

    public ReadOnlyMemory<byte> SignedProposal => inner.SignedProposal;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Decorations => inner.Decorations;

    public ClientIdentity ClientIdentity => inner.ClientIdentity;

    public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default) => inner.GetStateAsync(key, cancellationToken);

    public Task<IReadOnlyList<byte[]?>> GetMultipleStatesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.GetMultipleStatesAsync(keys, cancellationToken);

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => inner.PutStateAsync(key, value, cancellationToken);

    public Task DeleteStateAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteStateAsync(key, cancellationToken);

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default) => inner.GetStateByRangeAsync(startKey, endKey, cancellationToken);

    public Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark, CancellationToken cancellationToken = default) =>
        inner.GetStateByRangeWithPaginationAsync(startKey, endKey, pageSize, bookmark, cancellationToken);

    public IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default) =>
        inner.GetStateByPartialCompositeKeyAsync(objectType, attributes, cancellationToken);

    public Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark, CancellationToken cancellationToken = default) =>
        inner.GetStateByPartialCompositeKeyWithPaginationAsync(objectType, attributes, pageSize, bookmark, cancellationToken);

    public IAsyncEnumerable<KeyValue> GetQueryResultAsync(string query, CancellationToken cancellationToken = default) => inner.GetQueryResultAsync(query, cancellationToken);

    public Task<QueryPage<KeyValue>> GetQueryResultWithPaginationAsync(string query, int pageSize, string bookmark, CancellationToken cancellationToken = default) =>
        inner.GetQueryResultWithPaginationAsync(query, pageSize, bookmark, cancellationToken);

    public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key, CancellationToken cancellationToken = default) => inner.GetHistoryForKeyAsync(key, cancellationToken);

    public Task<byte[]?> GetStateValidationParameterAsync(string key, CancellationToken cancellationToken = default) => inner.GetStateValidationParameterAsync(key, cancellationToken);

    public Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default) =>
        inner.SetStateValidationParameterAsync(key, policy, cancellationToken);

    public Task<byte[]?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        Note(PrivateDataAccessKind.Read, collection, key);
        return inner.GetPrivateDataAsync(collection, key, cancellationToken);
    }

    public Task<IReadOnlyList<byte[]?>> GetMultiplePrivateDataAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            Note(PrivateDataAccessKind.Read, collection, key);
        }

        return inner.GetMultiplePrivateDataAsync(collection, keys, cancellationToken);
    }

    public Task<byte[]?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        Note(PrivateDataAccessKind.ReadHash, collection, key);
        return inner.GetPrivateDataHashAsync(collection, key, cancellationToken);
    }

    public Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        Note(PrivateDataAccessKind.Write, collection, key);
        return inner.PutPrivateDataAsync(collection, key, value, cancellationToken);
    }

    public Task DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        Note(PrivateDataAccessKind.Delete, collection, key);
        return inner.DeletePrivateDataAsync(collection, key, cancellationToken);
    }

    public Task PurgePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        Note(PrivateDataAccessKind.Purge, collection, key);
        return inner.PurgePrivateDataAsync(collection, key, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetPrivateDataByRangeAsync(string collection, string startKey, string endKey, CancellationToken cancellationToken = default) =>
        inner.GetPrivateDataByRangeAsync(collection, startKey, endKey, cancellationToken);

    public IAsyncEnumerable<KeyValue> GetPrivateDataByPartialCompositeKeyAsync(string collection, string objectType, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default) =>
        inner.GetPrivateDataByPartialCompositeKeyAsync(collection, objectType, attributes, cancellationToken);

    public IAsyncEnumerable<KeyValue> GetPrivateDataQueryResultAsync(string collection, string query, CancellationToken cancellationToken = default) =>
        inner.GetPrivateDataQueryResultAsync(collection, query, cancellationToken);

    public Task<byte[]?> GetPrivateDataValidationParameterAsync(string collection, string key, CancellationToken cancellationToken = default) =>
        inner.GetPrivateDataValidationParameterAsync(collection, key, cancellationToken);

    public Task SetPrivateDataValidationParameterAsync(string collection, string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default) =>
        inner.SetPrivateDataValidationParameterAsync(collection, key, policy, cancellationToken);

    public bool StartWriteBatch() => inner.StartWriteBatch();

    public Task FinishWriteBatchAsync(CancellationToken cancellationToken = default) => inner.FinishWriteBatchAsync(cancellationToken);

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments, string channel = "", CancellationToken cancellationToken = default) =>
        inner.InvokeChaincodeAsync(chaincodeName, arguments, channel, cancellationToken);

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<string> arguments, string channel = "", CancellationToken cancellationToken = default) =>
        inner.InvokeChaincodeAsync(chaincodeName, arguments, channel, cancellationToken);

    public void SetEvent(string name, ReadOnlyMemory<byte> payload) => inner.SetEvent(name, payload);

    private void Note(PrivateDataAccessKind kind, string collection, string key) => log.Add(new PrivateDataAccess(inner.TransactionId, kind, collection, key));
}
