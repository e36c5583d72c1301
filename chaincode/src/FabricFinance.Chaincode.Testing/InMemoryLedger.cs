using System.Text;
using FabricFinance.Chaincode.Testing.Internal;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// A channel's ledger in memory, with the semantics of a Fabric 2.5 peer on LevelDB, for testing
/// chaincode without a network: deploy chaincode on it, run transactions through an
/// <see cref="IChaincodeStub"/>, commit them in blocks.
/// </summary>
/// <remarks>
/// <para>
/// What matches Fabric: a transaction reads committed state only, never its own writes; its writes take
/// effect when it commits valid. Keys are ordered as LevelDB orders their UTF-8 bytes; an open range
/// starts at U+0001, so it skips composite keys. Queries are served in the peer's batches of 100, capped at
/// <see cref="InMemoryLedgerOptions.TotalQueryLimit"/>; pages and bookmarks are the peer's (the bookmark is
/// the next key). Rich queries fail as on LevelDB. History lists each committed change of a key, newest
/// first, with its transaction id, timestamp and deletes. Private data is kept per collection with its
/// SHA-256 hash, which anyone may read; member-only reads and writes, and peers outside a collection, are
/// modeled (see <see cref="CollectionDefinition"/>). Paginated and private range queries are refused after a
/// write, and writes after them. At commit, transactions are validated in order as Fabric's validator
/// does: <see cref="ValidationCode.MvccReadConflict"/> when a key read (or a private key's hash) changed,
/// <see cref="ValidationCode.PhantomReadConflict"/> when a range query would now return other keys or
/// versions, <see cref="ValidationCode.EndorsementPolicyFailure"/> when the named endorsers do not satisfy a
/// key-level or chaincode policy. An invalid transaction changes nothing. Refusals carry the peer's text.
/// </para>
/// <para>
/// Chaincode calls on the same channel share the transaction: the called chaincode reads and writes its own
/// namespace within it. A call to another channel (a ledger linked with <see cref="ConnectChannel"/>) can
/// only read: its writes are dropped, as Fabric drops them. Only the called chaincode's event counts.
/// </para>
/// <para>
/// Not modeled: write batches and GET_STATE_MULTIPLE (Fabric 2.5 has neither; the stub reads keys one by one),
/// CouchDB, private data dissemination and expiry, ACLs other than collection membership, and the
/// proposal's signature checks. Thread-safe: transactions may be simulated concurrently.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var ledger = new InMemoryLedger();
/// var assets = ledger.Deploy("assets", new AssetChaincode());
/// var alice = TestIdentity.Create("Org1MSP", "alice");
/// var created = await assets.SubmitAsync(alice, "CreateAsset", ["a1", "Alice", "100"]);
/// Assert.That(created.IsSuccess, Is.True);
///
/// // Two transactions simulated against the same version, committed in order: the second conflicts.
/// var first = assets.NewTransaction(alice, "TransferAsset", ["a1", "Bob"]);
/// var second = assets.NewTransaction(alice, "TransferAsset", ["a1", "Carol"]);
/// await first.InvokeAsync();
/// await second.InvokeAsync();
/// var results = ledger.CommitBlock([first, second]);   // Valid, MvccReadConflict
/// </code>
/// </example>
public sealed class InMemoryLedger
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, DeployedChaincode> _chaincodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InMemoryLedger> _channels = new(StringComparer.Ordinal);
    private readonly List<CommittedEvent> _events = [];
    private WorldState _state = WorldState.Genesis;
    private int _seeds;

    /// <summary>Initializes an empty ledger: the genesis block only.</summary>
    /// <param name="options">The channel name, clock and query limit; defaults when <see langword="null"/>.</param>
    public InMemoryLedger(InMemoryLedgerOptions? options = null)
    {
        options ??= new InMemoryLedgerOptions();
        ChannelId = options.ChannelId;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        TotalQueryLimit = options.TotalQueryLimit;
    }

    /// <summary>Gets the channel name.</summary>
    public string ChannelId { get; }

    /// <summary>Gets the clock that stamps transactions without an explicit timestamp.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the most records one query returns.</summary>
    public int TotalQueryLimit { get; }

    /// <summary>Gets the number of blocks, the genesis block included: the next block's number.</summary>
    public ulong Height => CurrentState.Height;

    /// <summary>Gets the chaincode events of valid committed transactions, in commit order.</summary>
    public IReadOnlyList<CommittedEvent> Events
    {
        get
        {
            lock (_sync)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets the committed state (an immutable snapshot).</summary>
    internal WorldState CurrentState
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Defines a chaincode on the channel. Defining a name again replaces its chaincode and definition and
    /// keeps its state, as an upgrade does.
    /// </summary>
    /// <param name="name">The chaincode name: letters, digits, '-', '_' and '.'; not empty.</param>
    /// <param name="chaincode">The chaincode, for example a <see cref="Contracts.ContractRouter"/>.</param>
    /// <param name="deployment">Its collections and endorsement policy; none when <see langword="null"/>.</param>
    /// <returns>The deployed chaincode, to run transactions on and inspect its state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is not valid, or two collections share a name.</exception>
    public DeployedChaincode Deploy(string name, IChaincode chaincode, ChaincodeDeployment? deployment = null)
    {
        ValidateChaincodeName(name);
        ArgumentNullException.ThrowIfNull(chaincode);
        deployment ??= new ChaincodeDeployment();
        var duplicate = deployment.Collections.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two collections are named '{duplicate.Key}'.", nameof(deployment));
        }

        var deployed = new DeployedChaincode(this, name, chaincode, deployment);
        lock (_sync)
        {
            _chaincodes[name] = deployed;
        }

        return deployed;
    }

    /// <summary>Gets a deployed chaincode.</summary>
    /// <param name="name">The chaincode name.</param>
    /// <returns>The chaincode.</returns>
    /// <exception cref="KeyNotFoundException">No chaincode of that name is deployed.</exception>
    public DeployedChaincode GetChaincode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindChaincode(name) ?? throw new KeyNotFoundException($"No chaincode named '{name}' is deployed on channel {ChannelId}.");
    }

    /// <summary>
    /// Lets chaincode on this channel call chaincode on another in-memory channel
    /// (<see cref="IChaincodeStub.InvokeChaincodeAsync(string, IReadOnlyList{string}, string, CancellationToken)"/> with that channel's name).
    /// Such calls read the other channel's committed state; their writes are dropped.
    /// </summary>
    /// <param name="other">The other channel's ledger.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The other ledger has this ledger's channel name.</exception>
    public void ConnectChannel(InMemoryLedger other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ChannelId == ChannelId)
        {
            throw new ArgumentException($"The other ledger is also channel '{ChannelId}'; give it another InMemoryLedgerOptions.ChannelId.", nameof(other));
        }

        lock (_sync)
        {
            _channels[other.ChannelId] = other;
        }
    }

    /// <summary>
    /// Starts a transaction: its signed proposal is built and its stub is ready, nothing has run yet. Run
    /// the deployed chaincode with <see cref="LedgerTransaction.InvokeAsync"/>, or any chaincode on
    /// <see cref="LedgerTransaction.Stub"/>, then <see cref="Commit"/> it (or just drop it, for an evaluation).
    /// </summary>
    /// <param name="chaincodeName">The chaincode (namespace) the transaction runs in.</param>
    /// <param name="identity">The client that signs the proposal.</param>
    /// <param name="function">The function name (the first argument).</param>
    /// <param name="arguments">The function's arguments, sent as UTF-8.</param>
    /// <param name="options">Transient data, timestamp, transaction id, peer and endorsers; defaults when <see langword="null"/>.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The chaincode name is not valid, or an argument or transient key is.</exception>
    public LedgerTransaction NewTransaction(string chaincodeName, TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null)
    {
        ValidateChaincodeName(chaincodeName);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new TransactionOptions();
        if (arguments.Any(a => a is null))
        {
            throw new ArgumentException("An argument is null.", nameof(arguments));
        }

        if (options.TransientData.Keys.Any(string.IsNullOrEmpty) || options.EndorsingOrganizations.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A transient data key or an endorsing organization is empty.", nameof(options));
        }

        ReadOnlyMemory<byte>[] encoded = [Encoding.UTF8.GetBytes(function), .. arguments.Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a))];
        var proposal = ProposalFactory.Create(
            ChannelId,
            chaincodeName,
            encoded,
            options.IsInit,
            identity,
            (options.Timestamp ?? TimeProvider.GetUtcNow()).ToUniversalTime(),
            options.TransientData.ToDictionary(p => p.Key, p => (ReadOnlyMemory<byte>)p.Value.ToArray(), StringComparer.Ordinal),
            options.TransactionId);
        var endorsers = options.EndorsingOrganizations.ToArray();
        var context = new TransactionContext(this, proposal, new TxSimulator(proposal.TransactionId), options.PeerOrganization ?? endorsers.FirstOrDefault(), options.IsInit);
        return new LedgerTransaction(this, chaincodeName, context, new InMemoryStub(context, chaincodeName, encoded), endorsers);
    }

    /// <summary>Simulates a transaction and, when the chaincode succeeds, commits it in a block of its own.</summary>
    /// <param name="chaincodeName">The deployed chaincode to call.</param>
    /// <param name="identity">The client.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="options">Transient data, timestamp, transaction id, peer and endorsers; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Passed to the chaincode.</param>
    /// <returns>The response and event, and how the transaction committed (nothing is committed when the response is an error, as no peer endorses it).</returns>
    /// <exception cref="ArgumentException">An argument is not valid.</exception>
    /// <exception cref="InvalidOperationException">No chaincode of that name is deployed.</exception>
    public async Task<TransactionResult> SubmitAsync(string chaincodeName, TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var transaction = NewTransaction(chaincodeName, identity, function, arguments, options);
        var response = await transaction.InvokeAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            transaction.Discard();
            return new TransactionResult(transaction.TransactionId, response, transaction.Event, null);
        }

        var commit = Commit(transaction);
        return new TransactionResult(transaction.TransactionId, response, transaction.Event, commit);
    }

    /// <summary>Simulates a transaction and drops it: an evaluation (query). Nothing is committed.</summary>
    /// <param name="chaincodeName">The deployed chaincode to call.</param>
    /// <param name="identity">The client.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="options">Transient data, timestamp, transaction id and peer; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Passed to the chaincode.</param>
    /// <returns>The response and event.</returns>
    /// <exception cref="ArgumentException">An argument is not valid.</exception>
    /// <exception cref="InvalidOperationException">No chaincode of that name is deployed.</exception>
    public async Task<TransactionResult> EvaluateAsync(string chaincodeName, TestIdentity identity, string function, IReadOnlyList<string> arguments, TransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var transaction = NewTransaction(chaincodeName, identity, function, arguments, options);
        var response = await transaction.InvokeAsync(cancellationToken).ConfigureAwait(false);
        transaction.Discard();
        return new TransactionResult(transaction.TransactionId, response, transaction.Event, null);
    }

    /// <summary>Commits one transaction in a block of its own.</summary>
    /// <param name="transaction">A simulated transaction of this ledger, not committed yet.</param>
    /// <returns>How it was validated, and where it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transaction"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="CommitBlock"/>.</exception>
    public CommitResult Commit(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return CommitBlock([transaction])[0];
    }

    /// <summary>
    /// Commits transactions as one block, validated in order: each against the committed state plus the
    /// writes of the valid transactions before it. Each transaction's simulation ends here.
    /// </summary>
    /// <param name="transactions">Simulated transactions of this ledger, none committed yet; at least one.</param>
    /// <returns>One result per transaction, in order.</returns>
    /// <exception cref="ArgumentException">The list is empty or holds a transaction twice.</exception>
    /// <exception cref="InvalidOperationException">
    /// A transaction belongs to another ledger, was committed or discarded already, or its chaincode answered
    /// an error (no peer endorses an error, so it cannot be committed).
    /// </exception>
    public IReadOnlyList<CommitResult> CommitBlock(IReadOnlyList<LedgerTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0 || transactions.Any(t => t is null) || transactions.Distinct().Count() != transactions.Count)
        {
            throw new ArgumentException("Give at least one transaction, none twice and no null.", nameof(transactions));
        }

        foreach (var transaction in transactions)
        {
            transaction.CheckCommittable(this);
        }

        lock (_sync)
        {
            var committer = new BlockCommitter(this, _state);
            var results = new List<CommitResult>(transactions.Count);
            for (var i = 0; i < transactions.Count; i++)
            {
                var transaction = transactions[i];
                transaction.Context.Simulator.Complete();
                var result = committer.Commit(i, transaction.Context.Proposal, transaction.Context.Simulator, transaction.Endorsers, transaction.ChaincodeName, transaction.Event);
                transaction.Committed(result);
                results.Add(result);
            }

            _state = committer.Build();
            _events.AddRange(committer.Events);
            return results;
        }
    }

    /// <summary>Runs a chaincode as the shim does: an exception becomes status 500 with its message.</summary>
    internal static async Task<ChaincodeResponse> RunChaincodeAsync(IChaincode chaincode, IChaincodeStub stub, bool isInit, CancellationToken cancellationToken)
    {
        try
        {
            var response = isInit
                ? await chaincode.InitAsync(stub, cancellationToken).ConfigureAwait(false)
                : await chaincode.InvokeAsync(stub, cancellationToken).ConfigureAwait(false);
            return response ?? ChaincodeResponse.Failure("The chaincode returned no response.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ChaincodeResponse.Failure(string.IsNullOrEmpty(ex.Message) ? ex.GetType().Name : ex.Message);
        }
    }

    internal DeployedChaincode? FindChaincode(string name)
    {
        lock (_sync)
        {
            return _chaincodes.GetValueOrDefault(name);
        }
    }

    internal InMemoryLedger? FindChannel(string channel)
    {
        lock (_sync)
        {
            return _channels.GetValueOrDefault(channel);
        }
    }

    /// <summary>Commits writes made directly (for arranging a test) as a valid transaction of their own.</summary>
    internal CommitResult CommitDirect(string chaincodeName, Action<NamespaceReadWriteSet> write)
    {
        lock (_sync)
        {
            var id = $"seed-{++_seeds}";
            var simulator = new TxSimulator(id);
            write(simulator.For(chaincodeName));
            simulator.Complete();
            var proposal = new ProposalData(ChannelId, id, TimeProvider.GetUtcNow(), ReadOnlyMemory<byte>.Empty, string.Empty, new Dictionary<string, ReadOnlyMemory<byte>>(), ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);
            var committer = new BlockCommitter(this, _state);
            var result = committer.Commit(0, proposal, simulator, [], chaincodeName, null);
            _state = committer.Build();
            return result;
        }
    }

    private static void ValidateChaincodeName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Chaincode name '{name}' may hold only letters, digits, '-', '_' and '.'.", nameof(name));
        }
    }
}
