using FabricFinance.Client.Identity;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Client;

/// <summary>
/// A connection to a Fabric peer's Gateway service, acting as one client identity: the root of the transaction flow
/// Gateway → <see cref="Network"/> → <see cref="Contract"/> → <see cref="Proposal"/> → <see cref="Transaction"/> →
/// <see cref="Commit"/>.
/// </summary>
/// <remarks>
/// <para>
/// A gateway is thread-safe, and so are the networks, contracts, proposals, transactions and commits created from it:
/// create one gateway per identity and share it. Disposing it ends chaincode event streams and makes further calls throw
/// <see cref="ObjectDisposedException"/>, but never disposes the gRPC channel, which the caller owns.
/// </para>
/// <para>
/// Every Gateway service call is traced and measured through <c>System.Diagnostics</c> under the names in
/// <see cref="Diagnostics.GatewayDiagnostics"/>, and logged at <see cref="LogLevel.Debug"/> through
/// <see cref="GatewayOptions.LoggerFactory"/>. In an application with a service container,
/// <c>services.AddFabricGateway(configuration)</c> creates the channel and the gateway from configuration.
/// </para>
/// <para>
/// Offline signing: connect without a <see cref="GatewayOptions.Signer"/>, take each step's
/// <see cref="ISignable.GetDigest"/>, sign it elsewhere, and continue with <see cref="NewSignedProposal"/>,
/// <see cref="NewSignedTransaction"/> and <see cref="NewSignedCommit"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var channel = GatewayChannel.ForAddress("https://localhost:7051", new GatewayChannelOptions
/// {
///     TlsRootCertificatesPem = File.ReadAllText("tlsca.pem"),
/// });
/// using var gateway = Gateway.Connect(channel, X509Identity.FromPem("Org1MSP", File.ReadAllText("cert.pem")), new GatewayOptions
/// {
///     Signer = Signers.NewPrivateKeySigner(File.ReadAllText("key.pem")),
/// });
/// var contract = gateway.GetNetwork("mychannel").GetContract("bills");
/// byte[] result = await contract.SubmitTransactionAsync("Issue", ["bill-1", "100"], cancellationToken);
/// </code>
/// </example>
public sealed class Gateway : IDisposable, IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime;
    private readonly GatewayContext _context;
    private int _disposed;

    private Gateway(CallInvoker callInvoker, IIdentity identity, GatewayOptions options)
    {
        _lifetime = new CancellationTokenSource();
        var logger = options.LoggerFactory?.CreateLogger<Gateway>() ?? (ILogger)NullLogger.Instance;
        var client = new GatewayClient(
            callInvoker,
            new GatewayClientOptions(options.EvaluateTimeout, options.EndorseTimeout, options.SubmitTimeout, options.CommitStatusTimeout),
            logger,
            GatewayInstrumentation.Create(options.MeterFactory),
            _lifetime.Token);
        _context = new GatewayContext(
            client,
            new SigningIdentity(identity, options.Hash, options.Signer),
            options.TimeProvider,
            ByteString.CopyFrom(options.TlsClientCertificateHash.Span),
            logger);
        Identity = identity;
        Log.Connected(logger, identity.MspId, options.Signer is not null);
    }

    /// <summary>Gets the identity the gateway acts as.</summary>
    public IIdentity Identity { get; }

    /// <summary>Creates a gateway that calls the Gateway service over a gRPC channel.</summary>
    /// <param name="channel">
    /// The channel to the gateway peer, for example from <see cref="GatewayChannel.ForAddress"/> or
    /// <c>GrpcChannel.ForAddress</c>. The caller owns it: the gateway never disposes it.
    /// </param>
    /// <param name="identity">The client identity that creates and signs transactions.</param>
    /// <param name="options">The signer, hash, timeouts and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The gateway. No call is made until a transaction or event stream is used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="identity"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The identity has no MSP identifier or no credentials, or <paramref name="options"/> holds an unsupported hash
    /// algorithm, a hash the signer cannot be verified with (an Ed25519 signer without <see cref="Hash.None"/>, or an ECDSA
    /// signer with it), a timeout that is not positive, or no time provider.
    /// </exception>
    public static Gateway Connect(ChannelBase channel, IIdentity identity, GatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Connect(channel.CreateCallInvoker(), identity, options);
    }

    /// <summary>
    /// Creates a gateway that calls the Gateway service through a call invoker: the seam for interceptors and test
    /// doubles.
    /// </summary>
    /// <param name="callInvoker">The invoker that carries the gateway's gRPC calls.</param>
    /// <param name="identity">The client identity that creates and signs transactions.</param>
    /// <param name="options">The signer, hash, timeouts and logging; defaults when <see langword="null"/>.</param>
    /// <returns>The gateway. No call is made until a transaction or event stream is used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callInvoker"/> or <paramref name="identity"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The identity has no MSP identifier or no credentials, or <paramref name="options"/> holds an unsupported hash
    /// algorithm, a hash the signer cannot be verified with (an Ed25519 signer without <see cref="Hash.None"/>, or an ECDSA
    /// signer with it), a timeout that is not positive, or no time provider.
    /// </exception>
    public static Gateway Connect(CallInvoker callInvoker, IIdentity identity, GatewayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        ArgumentNullException.ThrowIfNull(identity);
        if (string.IsNullOrWhiteSpace(identity.MspId))
        {
            throw new ArgumentException("The identity has no MSP identifier.", nameof(identity));
        }

        if (identity.Credentials.IsEmpty)
        {
            throw new ArgumentException("The identity has no credentials.", nameof(identity));
        }

        options ??= new GatewayOptions();
        Validate(options);
        return new Gateway(callInvoker, identity, options);
    }

    /// <summary>Gets a network: the channel with the given name.</summary>
    /// <param name="channelName">The channel's name.</param>
    /// <returns>The network. No call is made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channelName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channelName"/> is empty or white space.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Network GetNetwork(string channelName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelName);
        ThrowIfDisposed();
        return new Network(_context, channelName);
    }

    /// <summary>Recreates a proposal from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Proposal.GetBytes"/>.</param>
    /// <param name="signature">The signature of the proposal's <see cref="Proposal.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed proposal, ready to evaluate or endorse.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized proposal, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Proposal NewSignedProposal(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "proposal", static (context, b, sig) => Proposal.Parse(context, b).WithSignature(sig));

    /// <summary>Recreates an endorsed transaction from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Transaction.GetBytes"/>.</param>
    /// <param name="signature">The signature of the transaction's <see cref="Transaction.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed transaction, ready to submit.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized transaction, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Transaction NewSignedTransaction(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "transaction", Transaction.Parse);

    /// <summary>Recreates a commit status request from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Commit.GetBytes"/>.</param>
    /// <param name="signature">The signature of the request's <see cref="Commit.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed commit status request, ready for <see cref="Commit.GetStatusAsync(CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized commit status request, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Commit NewSignedCommit(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "commit status request", Commit.Parse);

    /// <summary>
    /// Ends the gateway: running chaincode event enumerations end with an <see cref="OperationCanceledException"/> and
    /// later calls throw <see cref="ObjectDisposedException"/>. The gRPC channel is not disposed.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    /// <summary>Disposes the gateway, as <see cref="Dispose"/> does; nothing is awaited.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads one internal type from its serialized form and an offline signature.</summary>
    private delegate T SignedParser<out T>(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature);

    /// <summary>
    /// The one path of every NewSigned* method: checks the signature and the gateway, parses, and
    /// reports bytes that do not parse as an <see cref="ArgumentException"/> naming what was expected.
    /// </summary>
    private T FromSigned<T>(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature, string what, SignedParser<T> parse)
    {
        var signatureBytes = ToSignature(signature);
        ThrowIfDisposed();
        try
        {
            return parse(_context, bytes.Span, signatureBytes);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or FormatException)
        {
            throw new ArgumentException($"The bytes are not a serialized {what}: {ex.Message}", nameof(bytes), ex);
        }
    }

    private static ByteString ToSignature(ReadOnlyMemory<byte> signature)
    {
        if (signature.IsEmpty)
        {
            throw new ArgumentException("The signature is empty.", nameof(signature));
        }

        return ByteString.CopyFrom(signature.Span);
    }

    private static void Validate(GatewayOptions options)
    {
        foreach (var (name, timeout) in (ReadOnlySpan<(string, TimeSpan?)>)[
            (nameof(GatewayOptions.EvaluateTimeout), options.EvaluateTimeout),
            (nameof(GatewayOptions.EndorseTimeout), options.EndorseTimeout),
            (nameof(GatewayOptions.SubmitTimeout), options.SubmitTimeout),
            (nameof(GatewayOptions.CommitStatusTimeout), options.CommitStatusTimeout),
        ])
        {
            if (timeout is { } value && value <= TimeSpan.Zero)
            {
                throw new ArgumentException($"GatewayOptions.{name} must be positive, or null for no deadline, not {value}.", nameof(options));
            }
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("GatewayOptions.TimeProvider is null.", nameof(options));
        }

        try
        {
            Hash.Validate(options.Hash, nameof(options.Hash));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"GatewayOptions.Hash: {ex.Message}", nameof(options), ex);
        }

        ValidateSignerAndHash(options.Signer, options.Hash, nameof(options));
    }

    /// <summary>
    /// Rejects pairings of the client's own signers with a hash that a peer could never verify: Ed25519 signs whole
    /// messages (so it needs <see cref="Hash.None"/>) and ECDSA signs fixed-size digests (so it must not have it). Custom
    /// signers may pair with any hash, as in Fabric's own Gateway clients.
    /// </summary>
    private static void ValidateSignerAndHash(ISigner? signer, System.Security.Cryptography.HashAlgorithmName hash, string paramName)
    {
        if (signer is not ISignatureScheme scheme)
        {
            return;
        }

        var none = Hash.IsNone(hash);
        if (scheme.SignsWholeMessage && !none)
        {
            throw new ArgumentException(
                $"GatewayOptions.Hash is {hash.Name}, but an {scheme.SchemeName} signer signs the whole message: set GatewayOptions.Hash to Hash.None.",
                paramName);
        }

        if (!scheme.SignsWholeMessage && none)
        {
            throw new ArgumentException(
                $"GatewayOptions.Hash is NONE, but an {scheme.SchemeName} signer signs a fixed-size digest: use SHA256 (what Fabric's MSP verifies), SHA384, SHA3-256 or SHA3-384.",
                paramName);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    // Offline-signed event requests (events and ledger work): each recreates a request from GetBytes() output.

    /// <summary>Recreates a chaincode events request from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Events.ChaincodeEventsRequest.GetBytes"/>.</param>
    /// <param name="signature">The signature of the request's <see cref="Events.ChaincodeEventsRequest.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed request, ready for <see cref="Events.ChaincodeEventsRequest.GetEventsAsync"/>; it does not resume after failures.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized chaincode events request, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Events.ChaincodeEventsRequest NewSignedChaincodeEventsRequest(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "chaincode events request", Events.ChaincodeEventsRequest.Parse);

    /// <summary>Recreates a block events request from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Events.DeliverEventsRequest{TBlock}.GetBytes"/> of a <see cref="Events.BlockEventsRequest"/>.</param>
    /// <param name="signature">The signature of the request's <see cref="Events.DeliverEventsRequest{TBlock}.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed request, ready for <see cref="Events.DeliverEventsRequest{TBlock}.GetEventsAsync"/>; it does not resume after failures.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized block events request, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Events.BlockEventsRequest NewSignedBlockEventsRequest(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "block events request", Events.BlockEventsRequest.Parse);

    /// <summary>Recreates a filtered block events request from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Events.DeliverEventsRequest{TBlock}.GetBytes"/> of a <see cref="Events.FilteredBlockEventsRequest"/>.</param>
    /// <param name="signature">The signature of the request's <see cref="Events.DeliverEventsRequest{TBlock}.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed request, ready for <see cref="Events.DeliverEventsRequest{TBlock}.GetEventsAsync"/>; it does not resume after failures.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized block events request, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Events.FilteredBlockEventsRequest NewSignedFilteredBlockEventsRequest(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "block events request", Events.FilteredBlockEventsRequest.Parse);

    /// <summary>Recreates a request for blocks with private data from its serialized form and an offline signature.</summary>
    /// <param name="bytes">The output of <see cref="Events.DeliverEventsRequest{TBlock}.GetBytes"/> of a <see cref="Events.BlockAndPrivateDataEventsRequest"/>.</param>
    /// <param name="signature">The signature of the request's <see cref="Events.DeliverEventsRequest{TBlock}.GetDigest"/> by the gateway's identity.</param>
    /// <returns>The signed request, ready for <see cref="Events.DeliverEventsRequest{TBlock}.GetEventsAsync"/>; it does not resume after failures.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not a serialized block events request, or <paramref name="signature"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Events.BlockAndPrivateDataEventsRequest NewSignedBlockAndPrivateDataEventsRequest(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signature)
        => FromSigned(bytes, signature, "block events request", Events.BlockAndPrivateDataEventsRequest.Parse);
}
