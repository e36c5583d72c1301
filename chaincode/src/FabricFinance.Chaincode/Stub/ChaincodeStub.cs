using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FabricFinance.Chaincode.Handler;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.QueryResult;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Stub;

/// <summary>
/// The stub of one transaction: the proposal parsed once, and every ledger call forwarded to the
/// peer through <see cref="IPeerCalls"/>.
/// </summary>
internal sealed class ChaincodeStub : IChaincodeStub
{
    /// <summary>The peer reads an empty start key as "no range"; Fabric's shims send U+0001 instead.</summary>
    private const string FirstKey = "\u0001";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IPeerCalls _peer;
    private (string Name, ByteString Payload)? _event;

    private ChaincodeStub(IPeerCalls peer, TransactionKey key)
    {
        _peer = peer;
        ChannelId = key.ChannelId;
        TransactionId = key.TransactionId;
    }

    public string ChannelId { get; }

    public string TransactionId { get; }

    public DateTimeOffset TransactionTimestamp { get; private set; }

    public IReadOnlyList<ReadOnlyMemory<byte>> Arguments { get; private set; } = [];

    public string FunctionName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Parameters { get; private set; } = [];

    public ReadOnlyMemory<byte> Creator { get; private set; }

    public string CreatorMspId { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData { get; private set; } =
        new Dictionary<string, ReadOnlyMemory<byte>>();

    public ReadOnlyMemory<byte> Binding { get; private set; }

    public ReadOnlyMemory<byte> SignedProposal { get; private set; }

    /// <summary>Builds the stub for an INIT or TRANSACTION message.</summary>
    /// <exception cref="InvalidProtocolBufferException">The input or the proposal cannot be parsed.</exception>
    public static ChaincodeStub Create(IPeerCalls peer, TransactionKey key, ChaincodeMessage message)
    {
        var stub = new ChaincodeStub(peer, key);
        var input = ChaincodeInput.Parser.ParseFrom(message.Payload);
        var arguments = input.Args.Select(a => a.Memory).ToArray();
        stub.Arguments = arguments;
        if (arguments.Length > 0)
        {
            stub.FunctionName = Encoding.UTF8.GetString(arguments[0].Span);
            stub.Parameters = arguments.Skip(1).Select(a => Encoding.UTF8.GetString(a.Span)).ToArray();
        }

        if (message.Proposal is { } signed)
        {
            stub.ReadProposal(signed);
        }

        return stub;
    }

    private void ReadProposal(Hyperledger.Fabric.Protos.Peer.SignedProposal signed)
    {
        SignedProposal = signed.ToByteArray();
        var proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);

        TransactionTimestamp = channelHeader.Timestamp?.ToDateTimeOffset() ?? default;
        Creator = signatureHeader.Creator.Memory;
        CreatorMspId = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator).Mspid;
        TransientData = payload.TransientMap.ToDictionary(p => p.Key, p => p.Value.Memory, StringComparer.Ordinal);
        Binding = ComputeBinding(signatureHeader.Nonce.Span, signatureHeader.Creator.Span, channelHeader.Epoch);
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

    public async Task<byte[]?> GetStateAsync(string key, CancellationToken cancellationToken = default)
    {
        ValidateKey(key, nameof(key));
        var value = await _peer.CallAsync(MessageType.GetState, new GetState { Key = key }, cancellationToken).ConfigureAwait(false);
        return value.IsEmpty ? null : value.ToByteArray();
    }

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        ValidateWritableKey(key, nameof(key));
        if (value.IsEmpty)
        {
            throw new ArgumentException($"The value for key '{key}' is empty; Fabric treats an empty value as a delete, so use DeleteStateAsync.", nameof(value));
        }

        return _peer.CallAsync(MessageType.PutState, new PutState { Key = key, Value = ByteString.CopyFrom(value.Span) }, cancellationToken);
    }

    public Task DeleteStateAsync(string key, CancellationToken cancellationToken = default)
    {
        ValidateWritableKey(key, nameof(key));
        return _peer.CallAsync(MessageType.DelState, new DelState { Key = key }, cancellationToken);
    }

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        if (startKey.Length > 0)
        {
            ValidateWritableKey(startKey, nameof(startKey));
        }

        if (endKey.Length > 0)
        {
            ValidateWritableKey(endKey, nameof(endKey));
        }

        var request = new GetStateByRange { StartKey = startKey.Length == 0 ? FirstKey : startKey, EndKey = endKey };
        return ReadRangeAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<KeyValue> ReadRangeAsync(GetStateByRange request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = QueryResponse.Parser.ParseFrom(
            await _peer.CallAsync(MessageType.GetStateByRange, request, cancellationToken).ConfigureAwait(false));
        var exhausted = false;
        try
        {
            while (true)
            {
                foreach (var result in page.Results)
                {
                    var kv = KV.Parser.ParseFrom(result.ResultBytes);
                    yield return new KeyValue(kv.Key, kv.Value.Memory);
                }

                if (!page.HasMore)
                {
                    exhausted = true;
                    yield break;
                }

                page = QueryResponse.Parser.ParseFrom(
                    await _peer.CallAsync(MessageType.QueryStateNext, new QueryStateNext { Id = page.Id }, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            if (!exhausted)
            {
                // The peer keeps an unfinished iterator open until told otherwise.
                await _peer.CallAsync(MessageType.QueryStateClose, new QueryStateClose { Id = page.Id }, CancellationToken.None).ConfigureAwait(false);
            }
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

    private static void ValidateKey(string key, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, parameterName);
        try
        {
            _ = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"The key is not valid UTF-8: {ex.Message}", parameterName, ex);
        }
    }

    private static void ValidateWritableKey(string key, string parameterName)
    {
        ValidateKey(key, parameterName);
        if (key[0] == '\0')
        {
            throw new ArgumentException("A simple key must not start with U+0000; that prefix is reserved for composite keys.", parameterName);
        }
    }
}
