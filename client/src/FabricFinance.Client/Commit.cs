using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Gateway;

namespace FabricFinance.Client;

/// <summary>
/// A request for the commit status of a submitted transaction. The gateway peer answers once the transaction is in a
/// block it has committed.
/// </summary>
/// <remarks>
/// A <see cref="SubmittedTransaction"/> is a commit; <see cref="Gateway.NewSignedCommit"/> recreates one from
/// offline-signed bytes. The request is signed once, on first use, by the gateway's signer.
/// </remarks>
public class Commit : ISignable
{
    private readonly GatewayContext _context;
    private readonly ByteString _request;
    private readonly TransactionDescriptor _descriptor;
    private readonly TimeSpan? _timeout;
    private volatile ByteString? _signature;

    internal Commit(GatewayContext context, TransactionDescriptor descriptor, ByteString request, ByteString? signature, TimeSpan? timeout)
    {
        _context = context;
        TransactionId = descriptor.TransactionId;
        _descriptor = descriptor;
        _timeout = timeout;
        _request = request;
        _signature = signature is null || signature.IsEmpty ? null : signature;
    }

    /// <summary>Gets the identifier of the transaction whose status is requested.</summary>
    public string TransactionId { get; }

    /// <summary>Serializes the request (a <c>gateway.SignedCommitStatusRequest</c>), with its signature if it is signed.</summary>
    /// <returns>The serialized request.</returns>
    public byte[] GetBytes() =>
        new SignedCommitStatusRequest { Request = _request, Signature = _signature ?? ByteString.Empty }.ToByteArray();

    /// <summary>Computes the digest of the request that the client signs.</summary>
    /// <returns>The digest, computed with <see cref="GatewayOptions.Hash"/>.</returns>
    public byte[] GetDigest() => _context.SigningIdentity.ComputeDigest(_request.Span);

    /// <summary>
    /// Waits until the transaction is committed and returns how it was validated. A transaction committed as invalid is
    /// reported through <see cref="CommitStatus.Successful"/>, not by an exception.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the wait.</param>
    /// <returns>The transaction's validation code and block number.</returns>
    /// <exception cref="CommitStatusException">
    /// The status could not be obtained, for example because <see cref="GatewayOptions.CommitStatusTimeout"/> elapsed
    /// (<see cref="GatewayException.StatusCode"/> is <see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>).
    /// </exception>
    /// <exception cref="InvalidOperationException">The request is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<CommitStatus> GetStatusAsync(CancellationToken cancellationToken = default) => GetStatusAsync(null, cancellationToken);

    /// <summary>
    /// Waits for the transaction's commit status, as <see cref="GetStatusAsync(CancellationToken)"/> does, with settings for
    /// this call only.
    /// </summary>
    /// <param name="callOptions">The call's timeout; <see langword="null"/> keeps the proposal's or the gateway's.</param>
    /// <param name="cancellationToken">A token that cancels the wait.</param>
    /// <returns>The transaction's validation code and block number.</returns>
    /// <exception cref="CommitStatusException">
    /// The status could not be obtained, for example because the timeout elapsed (<see cref="GatewayException.StatusCode"/>
    /// is <see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>).
    /// </exception>
    /// <exception cref="InvalidOperationException">The request is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<CommitStatus> GetStatusAsync(GatewayCallOptions? callOptions, CancellationToken cancellationToken = default)
    {
        var signature = _signature;
        if (signature is null)
        {
            signature = await _context.SigningIdentity.SignAsync(_request.Memory, cancellationToken).ConfigureAwait(false);
            _signature = signature;
        }

        var request = new SignedCommitStatusRequest { Request = _request, Signature = signature };
        var timeout = callOptions?.Timeout ?? _timeout;
        var response = await _context.Client.CommitStatusAsync(request, _descriptor, timeout, cancellationToken).ConfigureAwait(false);
        var status = new CommitStatus(TransactionId, (TransactionValidationCode)(int)response.Result, response.BlockNumber);
        Log.CommitStatusReceived(_context.Logger, status.TransactionId, status.BlockNumber, status.Code);
        return status;
    }

    /// <summary>Recreates a commit status request from <see cref="GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized commit status request.</exception>
    /// <exception cref="FormatException">The bytes are not a serialized commit status request.</exception>
    internal static Commit Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature)
    {
        var signed = SignedCommitStatusRequest.Parser.ParseFrom(bytes);
        var request = CommitStatusRequest.Parser.ParseFrom(signed.Request);
        if (string.IsNullOrEmpty(request.TransactionId))
        {
            throw new FormatException("The commit status request names no transaction.");
        }

        var descriptor = new TransactionDescriptor(request.ChannelId, request.TransactionId, ChaincodeName: null, TransactionName: null);
        return new Commit(context, descriptor, signed.Request, signature, timeout: null);
    }
}
