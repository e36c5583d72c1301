using System.Security.Cryptography;
using FabricFinance.Chaincode.Testing.Internal;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// A chaincode deployed on an <see cref="InMemoryLedger"/>: run transactions on it, and read or arrange its
/// committed state directly (outside any transaction, without touching read sets).
/// </summary>
public sealed class DeployedChaincode
{
    internal DeployedChaincode(InMemoryLedger ledger, string name, IChaincode chaincode, ChaincodeDeployment deployment)
    {
        Ledger = ledger;
        Name = name;
        Chaincode = chaincode;
        Deployment = deployment;
    }

    /// <summary>Gets the ledger (channel) it is deployed on.</summary>
    public InMemoryLedger Ledger { get; }

    /// <summary>Gets its name, which is also its state's namespace.</summary>
    public string Name { get; }

    /// <summary>Gets the chaincode.</summary>
    public IChaincode Chaincode { get; }

    /// <summary>Gets its collections and endorsement policy.</summary>
    public ChaincodeDeployment Deployment { get; }

    /// <summary>Simulates a transaction and, when the chaincode succeeds, commits it in a block of its own.</summary>
    /// <param name="identity">The client.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="options">Transient data, timestamp, transaction id, peer and endorsers; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Passed to the chaincode.</param>
    /// <returns>The response, event and commit result (no commit when the response is an error).</returns>
    /// <exception cref="ArgumentException">An argument is not valid.</exception>
    public Task<TransactionResult> SubmitAsync(TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null, CancellationToken cancellationToken = default) =>
        Ledger.SubmitAsync(Name, identity, function, arguments, options, cancellationToken);

    /// <summary>Simulates a transaction without committing it (an evaluation).</summary>
    /// <param name="identity">The client.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="options">Transient data, timestamp, transaction id and peer; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Passed to the chaincode.</param>
    /// <returns>The response and event.</returns>
    /// <exception cref="ArgumentException">An argument is not valid.</exception>
    public Task<TransactionResult> EvaluateAsync(TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null, CancellationToken cancellationToken = default) =>
        Ledger.EvaluateAsync(Name, identity, function, arguments, options, cancellationToken);

    /// <summary>Starts a transaction on this chaincode; see <see cref="InMemoryLedger.NewTransaction"/>.</summary>
    /// <param name="identity">The client.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="options">Transient data, timestamp, transaction id, peer and endorsers; defaults when <see langword="null"/>.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="ArgumentException">An argument is not valid.</exception>
    public LedgerTransaction NewTransaction(TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null) =>
        Ledger.NewTransaction(Name, identity, function, arguments, options);

    /// <summary>Reads a key's committed value.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public byte[]? GetState(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Ledger.CurrentState.PublicOf(Name).Get(key)?.Value.ToArray();
    }

    /// <summary>Lists the committed keys in <c>[startKey, endKey)</c> in the ledger's order (empty bounds are open; composite keys included).</summary>
    /// <param name="startKey">The first key, inclusive; empty from the first.</param>
    /// <param name="endKey">The end key, exclusive; empty to the last.</param>
    /// <returns>The keys and values.</returns>
    /// <exception cref="ArgumentNullException">A bound is <see langword="null"/>.</exception>
    public IReadOnlyList<KeyValue> GetStateByRange(string startKey, string endKey)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        return [.. Ledger.CurrentState.PublicOf(Name).Range(startKey, endKey).Select(e => new KeyValue(e.Key, e.Value.Value.ToArray()))];
    }

    /// <summary>Reads a key's committed key-level endorsement policy.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The policy bytes, or <see langword="null"/> when the key has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public byte[]? GetStateValidationParameter(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var entry = Ledger.CurrentState.PublicOf(Name).Get(key);
        return entry is not null && entry.Metadata.TryGetValue(InMemoryStub.ValidationParameter, out var policy) && policy.Length > 0 ? policy.ToArray() : null;
    }

    /// <summary>Lists a key's committed changes, newest first, as <see cref="IChaincodeStub.GetHistoryForKeyAsync"/> does.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public IReadOnlyList<KeyModification> GetHistoryForKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return [.. Enumerable.Reverse(Ledger.CurrentState.HistoryOf(Name, key))];
    }

    /// <summary>Reads a key's committed value in a private data collection.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when the key does not exist (or was purged).</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public byte[]? GetPrivateData(string collection, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Ledger.CurrentState.PrivateOf(Name, collection).Get(key)?.Value.ToArray();
    }

    /// <summary>Reads the SHA-256 hash of a key's committed private value.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="key">The key.</param>
    /// <returns>The hash, or <see langword="null"/> when the key does not exist.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public byte[]? GetPrivateDataHash(string collection, string key)
    {
        var value = GetPrivateData(collection, key);
        return value is null ? null : SHA256.HashData(value);
    }

    /// <summary>Writes a key directly, as a valid transaction of its own that bypasses the chaincode (to arrange a test).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value; not empty.</param>
    /// <returns>The commit of the arranging transaction.</returns>
    /// <exception cref="ArgumentException">The key or value is empty.</exception>
    public CommitResult PutState(string key, ReadOnlyMemory<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        KeyRules.ValidateValue(key, value, nameof(IChaincodeStub.DeleteStateAsync));
        return Ledger.CommitDirect(Name, set => set.Writes[key] = value.ToArray());
    }

    /// <summary>Writes a private key directly, as a valid transaction of its own that bypasses the chaincode (to arrange a test).</summary>
    /// <param name="collection">The collection; need not be defined.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value; not empty.</param>
    /// <returns>The commit of the arranging transaction.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public CommitResult PutPrivateData(string collection, string key, ReadOnlyMemory<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        KeyRules.ValidateValue(key, value, nameof(IChaincodeStub.DeletePrivateDataAsync));
        return Ledger.CommitDirect(Name, set => set.PrivateWrites[(collection, key)] = new PrivateWrite(value.ToArray(), IsPurge: false));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} on {Ledger.ChannelId}";
}
