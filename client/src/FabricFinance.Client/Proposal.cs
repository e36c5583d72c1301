using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client;

/// <summary>
/// A transaction proposal: a chaincode function invocation, not yet signed or sent. Evaluate it to query the ledger,
/// or endorse it to obtain a <see cref="Transaction"/> that can be submitted for ordering.
/// </summary>
/// <remarks>
/// Create proposals with <see cref="Contract.NewProposal"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedProposal"/>. A proposal is signed once, on first use, by the gateway's signer; it is safe
/// to use from several threads (two first uses at once may both sign, and either signature is kept).
/// </remarks>
public sealed class Proposal : ISignable
{
    private readonly GatewayContext _context;
    private readonly ByteString _proposalBytes;
    private readonly string[] _endorsingOrganizations;
    private readonly TransactionDescriptor _descriptor;
    private readonly CallTimeouts _timeouts;
    private volatile ByteString? _signature;

    internal Proposal(GatewayContext context, ProposedTransaction proposedTransaction, TransactionDescriptor descriptor, CallTimeouts timeouts)
    {
        _context = context;
        TransactionId = proposedTransaction.TransactionId;
        ChannelName = descriptor.ChannelName;
        _descriptor = descriptor;
        _timeouts = timeouts;
        _proposalBytes = proposedTransaction.Proposal.ProposalBytes;
        _endorsingOrganizations = [.. proposedTransaction.EndorsingOrganizations];
        var signature = proposedTransaction.Proposal.Signature;
        _signature = signature.IsEmpty ? null : signature;
    }

    /// <summary>Gets the transaction identifier: the lowercase hex SHA-256 of the proposal's nonce and creator.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the name of the channel the proposal is for.</summary>
    public string ChannelName { get; }

    /// <summary>
    /// Serializes the proposal (a <c>gateway.ProposedTransaction</c>) with its signature, if it is signed, and its
    /// endorsing organizations.
    /// </summary>
    /// <returns>The serialized proposal.</returns>
    public byte[] GetBytes() => ToProposedTransaction(_signature ?? ByteString.Empty).ToByteArray();

    /// <summary>Computes the digest of the proposal bytes that the creator signs.</summary>
    /// <returns>The digest, computed with <see cref="GatewayOptions.Hash"/>.</returns>
    public byte[] GetDigest() => _context.SigningIdentity.ComputeDigest(_proposalBytes.Span);

    /// <summary>
    /// Evaluates the proposal on a peer (the gateway peer, or a peer of <see cref="ProposalOptions.EndorsingOrganizations"/>)
    /// and returns the chaincode's result. Nothing is written to the ledger.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="TransactionException">
    /// The evaluate call failed, for example because the chaincode returned an error; <see cref="GatewayException.Details"/>
    /// holds the peers' messages.
    /// </exception>
    /// <exception cref="InvalidOperationException">The proposal is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<byte[]> EvaluateAsync(CancellationToken cancellationToken = default) => EvaluateAsync(null, cancellationToken);

    /// <summary>
    /// Evaluates the proposal, as <see cref="EvaluateAsync(CancellationToken)"/> does, with settings for this call only.
    /// </summary>
    /// <param name="callOptions">The call's timeout; <see langword="null"/> keeps the proposal's or the gateway's.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The payload the chaincode function returned.</returns>
    /// <exception cref="TransactionException">
    /// The evaluate call failed, for example because the chaincode returned an error or the timeout elapsed
    /// (<see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>); <see cref="GatewayException.Details"/> holds the peers' messages.
    /// </exception>
    /// <exception cref="InvalidOperationException">The proposal is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<byte[]> EvaluateAsync(GatewayCallOptions? callOptions, CancellationToken cancellationToken = default)
    {
        var request = new EvaluateRequest
        {
            TransactionId = TransactionId,
            ChannelId = ChannelName,
            ProposedTransaction = await GetSignedProposalAsync(cancellationToken).ConfigureAwait(false),
            TargetOrganizations = { _endorsingOrganizations },
        };
        var timeout = callOptions?.Timeout ?? _timeouts.Evaluate;
        var response = await _context.Client.EvaluateAsync(request, _descriptor, timeout, cancellationToken).ConfigureAwait(false);
        return response.Result?.Payload.ToByteArray() ?? [];
    }

    /// <summary>
    /// Sends the proposal to peers for endorsement. The gateway peer runs the chaincode on enough peers to satisfy the
    /// endorsement policy and returns the endorsed transaction, ready to be signed and submitted.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The endorsed transaction, whose <see cref="Transaction.Result"/> is the chaincode's result.</returns>
    /// <exception cref="EndorseException">
    /// Endorsement failed, for example because the chaincode returned an error or the endorsement policy could not be
    /// satisfied; <see cref="GatewayException.Details"/> holds each peer's message. Also thrown when the gateway returns a
    /// malformed transaction.
    /// </exception>
    /// <exception cref="InvalidOperationException">The proposal is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<Transaction> EndorseAsync(CancellationToken cancellationToken = default) => EndorseAsync(null, cancellationToken);

    /// <summary>
    /// Sends the proposal for endorsement, as <see cref="EndorseAsync(CancellationToken)"/> does, with settings for this
    /// call only.
    /// </summary>
    /// <param name="callOptions">The call's timeout; <see langword="null"/> keeps the proposal's or the gateway's.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The endorsed transaction, whose <see cref="Transaction.Result"/> is the chaincode's result.</returns>
    /// <exception cref="EndorseException">
    /// Endorsement failed, for example because the chaincode returned an error, the endorsement policy could not be
    /// satisfied or the timeout elapsed (<see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>); also thrown when the gateway
    /// returns a malformed transaction.
    /// </exception>
    /// <exception cref="InvalidOperationException">The proposal is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<Transaction> EndorseAsync(GatewayCallOptions? callOptions, CancellationToken cancellationToken = default)
    {
        var request = new EndorseRequest
        {
            TransactionId = TransactionId,
            ChannelId = ChannelName,
            ProposedTransaction = await GetSignedProposalAsync(cancellationToken).ConfigureAwait(false),
            EndorsingOrganizations = { _endorsingOrganizations },
        };
        var timeout = callOptions?.Timeout ?? _timeouts.Endorse;
        var response = await _context.Client.EndorseAsync(request, _descriptor, timeout, cancellationToken).ConfigureAwait(false);

        try
        {
            var envelope = response.PreparedTransaction
                ?? throw new FormatException("The endorse response has no prepared transaction.");
            return new Transaction(_context, TransactionId, envelope, _descriptor, _timeouts);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or FormatException)
        {
            throw new EndorseException(
                $"Endorsement of transaction {TransactionId} returned a malformed transaction: {ex.Message}",
                TransactionId,
                Grpc.Core.StatusCode.Internal,
                [],
                ex);
        }
    }

    /// <summary>Returns a copy of this proposal carrying an offline signature.</summary>
    internal Proposal WithSignature(ByteString signature) =>
        new(_context, ToProposedTransaction(signature), _descriptor, _timeouts);

    /// <summary>Recreates a proposal from <see cref="GetBytes"/> output.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized proposal.</exception>
    /// <exception cref="FormatException">The bytes are not a serialized proposal.</exception>
    internal static Proposal Parse(GatewayContext context, ReadOnlySpan<byte> bytes)
    {
        var proposedTransaction = ProposedTransaction.Parser.ParseFrom(bytes);
        if (proposedTransaction.Proposal is null)
        {
            throw new FormatException("The proposed transaction holds no proposal.");
        }

        var proposal = Hyperledger.Fabric.Protos.Peer.Proposal.Parser.ParseFrom(proposedTransaction.Proposal.ProposalBytes);
        var channelHeader = FabricMessages.ReadChannelHeader(proposal);
        if (channelHeader.Type != (int)HeaderType.EndorserTransaction
            || !string.Equals(channelHeader.TxId, proposedTransaction.TransactionId, StringComparison.Ordinal))
        {
            throw new FormatException("The proposal's header does not match an endorser transaction with its transaction id.");
        }

        var descriptor = new TransactionDescriptor(
            channelHeader.ChannelId,
            proposedTransaction.TransactionId,
            FabricMessages.ReadChaincodeName(channelHeader),
            FabricMessages.ReadTransactionName(proposal.Payload));
        return new Proposal(context, proposedTransaction, descriptor, CallTimeouts.Default);
    }

    private async ValueTask<SignedProposal> GetSignedProposalAsync(CancellationToken cancellationToken)
    {
        var signature = _signature;
        if (signature is null)
        {
            signature = await _context.SigningIdentity.SignAsync(_proposalBytes.Memory, cancellationToken).ConfigureAwait(false);
            _signature = signature;
        }

        return new SignedProposal { ProposalBytes = _proposalBytes, Signature = signature };
    }

    private ProposedTransaction ToProposedTransaction(ByteString signature) => new()
    {
        TransactionId = TransactionId,
        Proposal = new SignedProposal { ProposalBytes = _proposalBytes, Signature = signature },
        EndorsingOrganizations = { _endorsingOrganizations },
    };
}
