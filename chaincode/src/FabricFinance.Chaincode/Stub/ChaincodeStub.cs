using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Identity;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Stub;

/// <summary>
/// The stub of one transaction: the proposal parsed once, and every ledger call forwarded to the
/// peer through <see cref="IPeerCalls"/>. The partial files hold state and private data
/// (<c>ChaincodeStub.State.cs</c>), queries (<c>ChaincodeStub.Queries.cs</c>) and writes with their
/// batching (<c>ChaincodeStub.Writes.cs</c>).
/// </summary>
internal sealed partial class ChaincodeStub : IChaincodeStub
{
    private readonly IPeerCalls _peer;
    private readonly PeerCapabilities _capabilities;
    private readonly ClientIdentityCache? _identities;
    private readonly Lazy<ClientIdentity> _clientIdentity;
    private (string Name, ByteString Payload)? _event;
    private Hyperledger.Fabric.Protos.Peer.SignedProposal? _signedProposal;
    private ByteString _creator = ByteString.Empty;
    private ByteString _nonce = ByteString.Empty;
    private ulong _epoch;
    private byte[]? _binding;
    private byte[]? _signedProposalBytes;

    private ChaincodeStub(IPeerCalls peer, TransactionKey key, PeerCapabilities capabilities, ClientIdentityCache? identities)
    {
        _peer = peer;
        _capabilities = capabilities;
        _identities = identities;
        _clientIdentity = new Lazy<ClientIdentity>(ReadClientIdentity, LazyThreadSafetyMode.ExecutionAndPublication);
        ChannelId = key.ChannelId;
        TransactionId = key.TransactionId;
    }

    public string ChannelId { get; }

    public string TransactionId { get; }

    public DateTimeOffset TransactionTimestamp { get; private set; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Arguments { get; private set; } = [];

    public string FunctionName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Parameters { get; private set; } = [];

    public ReadOnlyMemory<byte> Creator => _creator.Memory;

    public string CreatorMspId { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData { get; private set; } =
        new Dictionary<string, ReadOnlyMemory<byte>>();

    // Binding and SignedProposal are computed on first use: most transactions never ask for them.
    public ReadOnlyMemory<byte> Binding => _signedProposal is null
        ? ReadOnlyMemory<byte>.Empty
        : _binding ??= ComputeBinding(_nonce.Span, _creator.Span, _epoch);

    public ReadOnlyMemory<byte> SignedProposal => _signedProposal is null
        ? ReadOnlyMemory<byte>.Empty
        : _signedProposalBytes ??= _signedProposal.ToByteArray();

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Decorations { get; private set; } =
        new Dictionary<string, ReadOnlyMemory<byte>>();

    public ClientIdentity ClientIdentity => _clientIdentity.Value;

    /// <summary>Builds the stub for an INIT or TRANSACTION message.</summary>
    /// <param name="peer">The transaction's line to the peer.</param>
    /// <param name="key">The transaction's channel and id.</param>
    /// <param name="message">The INIT or TRANSACTION message.</param>
    /// <param name="capabilities">What the peer offered in READY; <see langword="null"/> for none.</param>
    /// <param name="identities">Creators already read, to reuse; <see langword="null"/> reads this transaction's creator afresh.</param>
    /// <exception cref="InvalidProtocolBufferException">The input or the proposal cannot be parsed.</exception>
    /// <exception cref="InvalidOperationException">The proposal's timestamp is not a valid instant (seconds or nanos out of range).</exception>
    public static ChaincodeStub Create(IPeerCalls peer, TransactionKey key, ChaincodeMessage message, PeerCapabilities? capabilities = null, ClientIdentityCache? identities = null)
    {
        var stub = new ChaincodeStub(peer, key, capabilities ?? PeerCapabilities.None, identities);
        var input = ChaincodeInput.Parser.ParseFrom(message.Payload);
        var arguments = input.Args.Select(a => a.Memory).ToArray();
        stub.Arguments = arguments;
        if (arguments.Length > 0)
        {
            stub.FunctionName = Encoding.UTF8.GetString(arguments[0].Span);
            stub.Parameters = arguments.Skip(1).Select(a => Encoding.UTF8.GetString(a.Span)).ToArray();
        }

        stub.Decorations = input.Decorations.ToDictionary(p => p.Key, p => p.Value.Memory, StringComparer.Ordinal);
        if (message.Proposal is { } signed)
        {
            stub.ReadProposal(signed);
        }

        return stub;
    }

    private void ReadProposal(Hyperledger.Fabric.Protos.Peer.SignedProposal signed)
    {
        var proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);

        TransactionTimestamp = channelHeader.Timestamp?.ToDateTimeOffset() ?? default;
        _creator = signatureHeader.Creator;
        CreatorMspId = SerializedIdentity.Parser.ParseFrom(_creator).Mspid;
        TransientData = payload.TransientMap.ToDictionary(p => p.Key, p => p.Value.Memory, StringComparer.Ordinal);
        _nonce = signatureHeader.Nonce;
        _epoch = channelHeader.Epoch;
        _signedProposal = signed;
    }

    /// <summary>Fabric's proposal binding: SHA-256 of nonce ‖ creator ‖ epoch (8 bytes, little-endian).</summary>
    private static byte[] ComputeBinding(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator, ulong epoch)
    {
        Span<byte> epochBytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(epochBytes, epoch);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        hash.AppendData(epochBytes);
        return hash.GetHashAndReset();
    }

    private ClientIdentity ReadClientIdentity()
    {
        if (Creator.IsEmpty)
        {
            throw new ChaincodeException("The transaction has no creator: the peer sent no signed proposal.");
        }

        try
        {
            return _identities?.Get(_creator) ?? ClientIdentity.FromSerializedIdentity(Creator.Span);
        }
        catch (ArgumentException ex)
        {
            throw new ChaincodeException($"The transaction's creator is not a readable X.509 identity: {ex.Message}", ex);
        }
    }

    public void SetEvent(string name, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _event = (name, ByteString.CopyFrom(payload.Span));
    }

    /// <summary>Gets the event to attach to COMPLETED, or <see langword="null"/> when none was set.</summary>
    internal ChaincodeEvent? BuildEvent() => _event is { } e
        ? new ChaincodeEvent { EventName = e.Name, Payload = e.Payload } // the peer fills in chaincode and transaction ids
        : null;

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<string> arguments, string channel = "", CancellationToken cancellationToken = default) =>
        InvokeChaincodeAsync(chaincodeName, KeyRules.EncodeArguments(arguments), channel, cancellationToken);

    public Task<ChaincodeResponse> InvokeChaincodeAsync(string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments, string channel = "", CancellationToken cancellationToken = default)
    {
        KeyRules.ValidateInvokeTarget(chaincodeName, arguments, channel);

        // The peer reads "name/channel" as a chaincode on another channel; a bare name means this one.
        var target = channel.Length == 0 ? chaincodeName : chaincodeName + "/" + channel;
        var input = new ChaincodeInput();
        input.Args.AddRange(arguments.Select(a => ByteString.CopyFrom(a.Span)));
        var spec = new ChaincodeSpec { ChaincodeId = new ChaincodeID { Name = target }, Input = input };
        return InvokeCoreAsync(target, spec, cancellationToken);
    }

    private async Task<ChaincodeResponse> InvokeCoreAsync(string target, ChaincodeSpec spec, CancellationToken cancellationToken)
    {
        // The RESPONSE carries the called chaincode's own final message: COMPLETED with a Response, or ERROR with text.
        var answer = await _peer.CallAsync(MessageType.InvokeChaincode, spec, ChaincodeMessage.Parser, cancellationToken).ConfigureAwait(false);
        switch (answer.Type)
        {
            case MessageType.Completed:
                var response = PeerCallsExtensions.Parse(Response.Parser, answer.Payload, MessageType.InvokeChaincode);
                return ChaincodeResponse.FromPeer(response.Status, response.Message, response.Payload.Memory);
            case MessageType.Error:
                return ChaincodeResponse.FromPeer(ChaincodeResponse.Error, answer.Payload.ToStringUtf8(), ReadOnlyMemory<byte>.Empty);
            default:
                throw new ChaincodeException($"Chaincode {target} answered INVOKE_CHAINCODE with {answer.Type}; expected COMPLETED or ERROR.");
        }
    }
}
