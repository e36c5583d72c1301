using System.Text;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// <see cref="IChaincodeStub"/> over an <see cref="InMemoryLedger"/>: one chaincode's view of one
/// transaction. Reads see committed state only (never the transaction's own writes) and go into the
/// read set; writes go into the write set and take effect when the transaction commits valid. Every
/// refusal a Fabric 2.5 peer would make comes back as the same <see cref="ChaincodeException"/> text the
/// real shim produces. The partial files hold state and private data (<c>InMemoryStub.State.cs</c>) and
/// queries (<c>InMemoryStub.Queries.cs</c>).
/// </summary>
internal sealed partial class InMemoryStub : IChaincodeStub
{
    private static readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> NoDecorations = new Dictionary<string, ReadOnlyMemory<byte>>();

    private readonly TransactionContext _context;
    private readonly string _namespace;
    private readonly Lazy<ClientIdentity> _clientIdentity;

    public InMemoryStub(TransactionContext context, string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments)
    {
        _context = context;
        _namespace = chaincodeName;
        Arguments = arguments;
        FunctionName = arguments.Count > 0 ? Encoding.UTF8.GetString(arguments[0].Span) : string.Empty;
        Parameters = arguments.Skip(1).Select(a => Encoding.UTF8.GetString(a.Span)).ToArray();
        _clientIdentity = new Lazy<ClientIdentity>(ReadClientIdentity, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ChannelId => _context.Proposal.ChannelId;

    public string TransactionId => _context.TransactionId;

    public DateTimeOffset TransactionTimestamp => _context.Proposal.Timestamp;

    public IReadOnlyList<ReadOnlyMemory<byte>> Arguments { get; }

    public string FunctionName { get; }

    public IReadOnlyList<string> Parameters { get; }

    public ReadOnlyMemory<byte> Creator => _context.Proposal.Creator;

    public string CreatorMspId => _context.Proposal.CreatorMspId;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData => _context.Proposal.TransientData;

    public ReadOnlyMemory<byte> Binding => _context.Proposal.Binding;

    public ReadOnlyMemory<byte> SignedProposal => _context.Proposal.SignedProposal;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Decorations => NoDecorations;

    public ClientIdentity ClientIdentity => _clientIdentity.Value;

    /// <summary>Gets the event this chaincode set (only the called chaincode's event reaches the transaction).</summary>
    public TransactionEvent? Event { get; private set; }

    private TxSimulator Simulator => _context.Simulator;

    private WorldState State => _context.Ledger.CurrentState;

    public void SetEvent(string name, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Event = new TransactionEvent(name, payload.ToArray());
    }

    public bool StartWriteBatch() => false; // a Fabric 2.5 peer offers no write batches: writes go one by one

    public Task FinishWriteBatchAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<string> arguments, string channel = "", CancellationToken cancellationToken = default)
        => InvokeChaincodeAsync(chaincodeName, KeyRules.EncodeArguments(arguments), channel, cancellationToken);

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments, string channel = "", CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateInvokeTarget(chaincodeName, arguments, channel);

        return InvokeCoreAsync(chaincodeName, [.. arguments.Select(a => (ReadOnlyMemory<byte>)a.ToArray())], channel.Length == 0 ? ChannelId : channel, cancellationToken);
    }

    private async Task<ChaincodeResponse> InvokeCoreAsync(string chaincodeName, ReadOnlyMemory<byte>[] arguments, string channel, CancellationToken cancellationToken)
    {
        const string Invoke = "INVOKE_CHAINCODE";
        InMemoryStub callee;
        IChaincode chaincode;
        TxSimulator? separate = null;
        lock (Simulator.Sync)
        {
            EnsureActive();
            var ledger = channel == ChannelId ? _context.Ledger : _context.Ledger.FindChannel(channel)
                ?? throw PeerErrors.Refused(Invoke, TransactionId, $"failed to find ledger for channel: {channel}");
            chaincode = ledger.FindChaincode(chaincodeName)?.Chaincode
                ?? throw PeerErrors.Refused(Invoke, TransactionId, $"execute failed: invalid invocation: [channel {channel}] failed to get chaincode container info for {chaincodeName}: chaincode {chaincodeName} is not defined on channel {channel}");
            var context = _context;
            if (ledger != _context.Ledger)
            {
                // Another channel: the peer simulates on that channel's ledger with a simulator of its own,
                // whose results are dropped. The called chaincode can read, and its writes go nowhere.
                separate = new TxSimulator(TransactionId);
                context = new TransactionContext(ledger, _context.Proposal with { ChannelId = channel }, separate, _context.PeerOrganization, isInit: false);
            }

            callee = new InMemoryStub(context, chaincodeName, arguments);
        }

        try
        {
            return await InMemoryLedger.RunChaincodeAsync(chaincode, callee, isInit: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            separate?.Complete();
        }
    }

    private ClientIdentity ReadClientIdentity()
    {
        if (Creator.IsEmpty)
        {
            throw new ChaincodeException("The transaction has no creator: the peer sent no signed proposal.");
        }

        try
        {
            return ClientIdentity.FromSerializedIdentity(Creator.Span);
        }
        catch (ArgumentException ex)
        {
            throw new ChaincodeException($"The transaction's creator is not a readable X.509 identity: {ex.Message}", ex);
        }
    }

    /// <summary>Refuses ledger calls once the transaction has completed (committed or discarded). Call under the simulator's lock.</summary>
    private void EnsureActive()
    {
        if (Simulator.IsCompleted)
        {
            throw new ChaincodeException($"Transaction {TransactionId} has completed; its stub can no longer reach the ledger.");
        }
    }
}
