using System.Collections.Immutable;
using System.Security.Cryptography;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>Point reads and writes of public state and private data, and key-level endorsement policies.</summary>
internal sealed partial class InMemoryStub
{
    /// <summary>The metadata entry holding a key-level endorsement policy (<c>VALIDATION_PARAMETER</c>).</summary>
    internal const string ValidationParameter = "VALIDATION_PARAMETER";

    private const string GetStateMessage = "GET_STATE";
    private const string PutStateMessage = "PUT_STATE";
    private const string DelStateMessage = "DEL_STATE";
    private const string GetStateMetadataMessage = "GET_STATE_METADATA";
    private const string PutStateMetadataMessage = "PUT_STATE_METADATA";

    public Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            return Task.FromResult(ReadPublic(key)?.Value.ToArray());
        }
    }

    public Task<IReadOnlyList<byte[]?>> GetMultipleStatesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKeys(keys, nameof(keys));
        lock (Simulator.Sync)
        {
            // A Fabric 2.5 peer has no GET_STATE_MULTIPLE: the shim reads the keys one by one.
            return Task.FromResult<IReadOnlyList<byte[]?>>([.. keys.Select(k => ReadPublic(k)?.Value.ToArray())]);
        }
    }

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        KeyRules.ValidateValue(key, value, nameof(DeleteStateAsync));
        lock (Simulator.Sync)
        {
            BeginWrite(PutStateMessage);
            Simulator.For(_namespace).Writes[key] = value.ToArray();
        }

        return Task.CompletedTask;
    }

    public Task DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            BeginWrite(DelStateMessage);
            Simulator.For(_namespace).Writes[key] = null;
        }

        return Task.CompletedTask;
    }

    public Task<byte[]?> GetStateValidationParameterAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            return Task.FromResult(PolicyOf(ReadPublic(key)));
        }
    }

    public Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            BeginWrite(PutStateMetadataMessage);
            Simulator.For(_namespace).MetadataWrites[key] = PolicyMetadata(policy);
        }

        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            return Task.FromResult(ReadPrivate(collection, key));
        }
    }

    public Task<IReadOnlyList<byte[]?>> GetMultiplePrivateDataAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKeys(keys, nameof(keys));
        lock (Simulator.Sync)
        {
            return Task.FromResult<IReadOnlyList<byte[]?>>([.. keys.Select(k => ReadPrivate(collection, k))]);
        }
    }

    public Task<byte[]?> GetPrivateDataHashAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        const string Message = "GET_PRIVATE_DATA_HASH";
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            // Anyone may read a hash: no member check, and every peer of the channel holds the hashes.
            EnsureActive();
            RefuseInInit(Message);
            RequireDefined(Message, collection);
            var entry = State.PrivateOf(_namespace, collection).Get(key);
            Simulator.For(_namespace).HashedReads[(collection, key)] = entry?.Version;
            return Task.FromResult(entry is null ? null : SHA256.HashData(entry.Value));
        }
    }

    public Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        KeyRules.ValidateValue(key, value, nameof(DeletePrivateDataAsync));
        lock (Simulator.Sync)
        {
            BeginPrivateWrite(PutStateMessage, collection);
            Simulator.For(_namespace).PrivateWrites[(collection, key)] = new PrivateWrite(value.ToArray(), IsPurge: false);
        }

        return Task.CompletedTask;
    }

    public Task DeletePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            BeginPrivateWrite(DelStateMessage, collection);
            Simulator.For(_namespace).PrivateWrites[(collection, key)] = new PrivateWrite(null, IsPurge: false);
        }

        return Task.CompletedTask;
    }

    public Task PurgePrivateDataAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            BeginPrivateWrite("PURGE_PRIVATE_DATA", collection);
            Simulator.For(_namespace).PrivateWrites[(collection, key)] = new PrivateWrite(null, IsPurge: true);
        }

        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPrivateDataValidationParameterAsync(string collection, string key, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            EnsureActive();
            RefuseInInit(GetStateMetadataMessage);
            RequireReadAccess(GetStateMetadataMessage, collection);

            // The policy lives beside the hash, so a peer outside the collection has it too.
            var entry = State.PrivateOf(_namespace, collection).Get(key);
            Simulator.For(_namespace).HashedReads[(collection, key)] = entry?.Version;
            return Task.FromResult(PolicyOf(entry));
        }
    }

    public Task SetPrivateDataValidationParameterAsync(string collection, string key, ReadOnlyMemory<byte> policy, CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateCollection(collection, nameof(collection));
        KeyRules.ValidateKey(key, nameof(key));
        lock (Simulator.Sync)
        {
            BeginPrivateWrite(PutStateMetadataMessage, collection);
            Simulator.For(_namespace).PrivateMetadataWrites[(collection, key)] = PolicyMetadata(policy);
        }

        return Task.CompletedTask;
    }

    private static byte[]? PolicyOf(VersionedValue? entry) =>
        entry is not null && entry.Metadata.TryGetValue(ValidationParameter, out var policy) && policy.Length > 0 ? policy.ToArray() : null;

    private static ImmutableSortedDictionary<string, byte[]> PolicyMetadata(ReadOnlyMemory<byte> policy) =>
        VersionedValue.NoMetadata.Add(ValidationParameter, policy.ToArray());

    /// <summary>A public read: the committed value, its version into the read set.</summary>
    private VersionedValue? ReadPublic(string key)
    {
        EnsureActive();
        var entry = State.PublicOf(_namespace).Get(key);
        Simulator.For(_namespace).Reads[key] = entry?.Version;
        return entry;
    }

    /// <summary>A private read, with the peer's checks in the peer's order.</summary>
    private byte[]? ReadPrivate(string collection, string key)
    {
        EnsureActive();
        RefuseInInit(GetStateMessage);
        var definition = RequireReadAccess(GetStateMessage, collection);
        var entry = State.PrivateOf(_namespace, collection).Get(key);
        if (!_context.PeerHoldsValuesOf(definition))
        {
            // This peer's organization is outside the collection: it holds the hash but not the value.
            if (entry is not null)
            {
                throw PeerErrors.Refused(GetStateMessage, TransactionId, $"private data matching public hash version is not available. Public hash version = {entry.Version}, Private data version = <nil>");
            }

            Simulator.For(_namespace).HashedReads[(collection, key)] = null;
            return null;
        }

        Simulator.For(_namespace).HashedReads[(collection, key)] = entry?.Version;
        return entry?.Value.ToArray();
    }

    private void BeginWrite(string message)
    {
        EnsureActive();
        if (Simulator.BeginWrite() is { } refusal)
        {
            throw PeerErrors.Refused(message, TransactionId, refusal);
        }
    }

    private void BeginPrivateWrite(string message, string collection)
    {
        EnsureActive();
        RefuseInInit(message);
        RequireWriteAccess(message, collection);
        BeginWrite(message);
    }

    private void RefuseInInit(string message)
    {
        if (_context.IsInit)
        {
            throw PeerErrors.Refused(message, TransactionId, PeerErrors.PrivateDataInInit);
        }
    }

    /// <summary>The ledger's check that the collection is defined for the chaincode (no member check).</summary>
    private CollectionDefinition RequireDefined(string message, string collection)
    {
        var collections = _context.Ledger.FindChaincode(_namespace)?.Deployment.Collections;
        if (collections is null || collections.Count == 0)
        {
            throw PeerErrors.Refused(message, TransactionId, PeerErrors.CollectionConfigNotDefined(_namespace));
        }

        return collections.FirstOrDefault(c => c.Name == collection)
            ?? throw PeerErrors.Refused(message, TransactionId, PeerErrors.CollectionNotDefined(_namespace, collection));
    }

    /// <summary>The peer's member check of the creator for reads (memberOnlyRead).</summary>
    private CollectionDefinition RequireReadAccess(string message, string collection)
    {
        var definition = FindForAccessCheck(message, collection);
        if (definition.MemberOnlyRead && !definition.IsMember(CreatorMspId))
        {
            throw PeerErrors.Refused(message, TransactionId, PeerErrors.NoReadAccess(_namespace, collection));
        }

        return definition;
    }

    /// <summary>The peer's member check of the creator for writes (memberOnlyWrite).</summary>
    private void RequireWriteAccess(string message, string collection)
    {
        var definition = FindForAccessCheck(message, collection);
        if (definition.MemberOnlyWrite && !definition.IsMember(CreatorMspId))
        {
            throw PeerErrors.Refused(message, TransactionId, PeerErrors.NoWriteAccess(_namespace, collection));
        }
    }

    private CollectionDefinition FindForAccessCheck(string message, string collection) =>
        _context.Ledger.FindChaincode(_namespace)?.Deployment.Collections.FirstOrDefault(c => c.Name == collection)
        ?? throw PeerErrors.Refused(message, TransactionId, PeerErrors.NoSuchCollection(ChannelId, _namespace, collection));
}
