using FabricFinance.Chaincode.Testing.Internal;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// One transaction on an <see cref="InMemoryLedger"/>, from proposal to commit: run the chaincode on it
/// (<see cref="InvokeAsync"/>, or any <see cref="IChaincode"/> on <see cref="Stub"/>), then commit it with
/// <see cref="InMemoryLedger.Commit"/> or <see cref="InMemoryLedger.CommitBlock"/>. Simulating several
/// transactions before committing any of them is how concurrent clients are tested: they read the same
/// versions, and the validator decides at commit.
/// </summary>
public sealed class LedgerTransaction
{
    private readonly InMemoryLedger _ledger;
    private readonly InMemoryStub _stub;
    private readonly Lock _sync = new();
    private bool _invoked;
    private bool _discarded;

    internal LedgerTransaction(InMemoryLedger ledger, string chaincodeName, TransactionContext context, InMemoryStub stub, IReadOnlyList<string> endorsers)
    {
        _ledger = ledger;
        ChaincodeName = chaincodeName;
        Context = context;
        _stub = stub;
        Endorsers = endorsers;
    }

    /// <summary>Gets the transaction id.</summary>
    public string TransactionId => Context.TransactionId;

    /// <summary>Gets the chaincode (namespace) the transaction runs in.</summary>
    public string ChaincodeName { get; }

    /// <summary>Gets the stub to run a chaincode on; it refuses ledger calls once the transaction is committed or discarded.</summary>
    public IChaincodeStub Stub => _stub;

    /// <summary>Gets the response of <see cref="InvokeAsync"/>, or <see langword="null"/> before it ran.</summary>
    public ChaincodeResponse? Response { get; private set; }

    /// <summary>Gets the chaincode event set so far (the last <see cref="IChaincodeStub.SetEvent"/> wins), or <see langword="null"/>.</summary>
    public TransactionEvent? Event => _stub.Event;

    /// <summary>Gets how the transaction committed, or <see langword="null"/> before it was.</summary>
    public CommitResult? CommitResult { get; private set; }

    /// <summary>Gets a value indicating whether the transaction wrote anything (state, private data or a policy) so far.</summary>
    public bool HasWrites
    {
        get
        {
            lock (Context.Simulator.Sync)
            {
                return Context.Simulator.Namespaces.Values.Any(n => n.HasWrites);
            }
        }
    }

    /// <summary>Gets the public keys of <see cref="ChaincodeName"/> the transaction read so far (its read set, without range queries).</summary>
    public IReadOnlyList<string> ReadKeys
    {
        get
        {
            lock (Context.Simulator.Sync)
            {
                return Context.Simulator.Namespaces.TryGetValue(ChaincodeName, out var set) ? [.. set.Reads.Keys] : [];
            }
        }
    }

    /// <summary>
    /// Gets the public writes of <see cref="ChaincodeName"/> so far, in the order of their first write: each
    /// key with the value it will get (<see langword="null"/> for a delete). The last write of a key wins.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, byte[]?>> Writes
    {
        get
        {
            lock (Context.Simulator.Sync)
            {
                return Context.Simulator.Namespaces.TryGetValue(ChaincodeName, out var set)
                    ? [.. set.Writes.Select(w => new KeyValuePair<string, byte[]?>(w.Key, w.Value?.ToArray()))]
                    : [];
            }
        }
    }

    internal TransactionContext Context { get; }

    internal IReadOnlyList<string> Endorsers { get; }

    /// <summary>
    /// Runs the chaincode deployed under <see cref="ChaincodeName"/> on this transaction, as a peer does for a
    /// proposal (its <see cref="IChaincode.InitAsync"/> when <see cref="TransactionOptions.IsInit"/> is set).
    /// An exception from the chaincode becomes a status 500 response, as in the shim.
    /// </summary>
    /// <param name="cancellationToken">Passed to the chaincode.</param>
    /// <returns>The chaincode's response.</returns>
    /// <exception cref="InvalidOperationException">No chaincode of that name is deployed, or the transaction already ran, committed or was discarded.</exception>
    public async Task<ChaincodeResponse> InvokeAsync(CancellationToken cancellationToken = default)
    {
        var deployed = _ledger.FindChaincode(ChaincodeName)
            ?? throw new InvalidOperationException($"No chaincode named '{ChaincodeName}' is deployed on channel {_ledger.ChannelId}; deploy it first or run a chaincode on Stub.");
        lock (_sync)
        {
            if (_invoked || CommitResult is not null || _discarded)
            {
                throw new InvalidOperationException($"Transaction {TransactionId} already ran; start a new transaction.");
            }

            _invoked = true;
        }

        var response = await InMemoryLedger.RunChaincodeAsync(deployed.Chaincode, _stub, Context.IsInit, cancellationToken).ConfigureAwait(false);
        Response = response;
        return response;
    }

    /// <summary>Ends the simulation without committing (an evaluation, or a proposal no one submits).</summary>
    public void Discard()
    {
        lock (_sync)
        {
            _discarded = true;
        }

        lock (Context.Simulator.Sync)
        {
            Context.Simulator.Complete();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ChaincodeName} {_stub.FunctionName} ({TransactionId})";

    internal void CheckCommittable(InMemoryLedger ledger)
    {
        lock (_sync)
        {
            if (ledger != _ledger)
            {
                throw new InvalidOperationException($"Transaction {TransactionId} belongs to channel {_ledger.ChannelId}'s ledger, not this one.");
            }

            if (CommitResult is not null || _discarded)
            {
                throw new InvalidOperationException($"Transaction {TransactionId} was already {(CommitResult is null ? "discarded" : "committed")}.");
            }

            if (Response is { IsSuccess: false })
            {
                throw new InvalidOperationException(
                    $"Transaction {TransactionId} answered status {Response.Status} ({Response.Message}); peers do not endorse an error, so it cannot be committed.");
            }
        }
    }

    internal void Committed(CommitResult result)
    {
        lock (_sync)
        {
            CommitResult = result;
        }
    }
}
