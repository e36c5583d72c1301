using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Client;

/// <summary>Options for <see cref="Gateway.Connect(Grpc.Core.ChannelBase, IIdentity, GatewayOptions?)"/>.</summary>
/// <remarks>
/// <see cref="Gateway.Connect(Grpc.Core.ChannelBase, IIdentity, GatewayOptions?)"/> copies the options, so changing an
/// instance afterwards does not affect a connected gateway.
/// </remarks>
public sealed class GatewayOptions
{
    /// <summary>
    /// Gets or sets the signer that signs proposals, transactions and requests for the gateway's identity.
    /// When <see langword="null"/> (the default) the gateway supports only offline signing: take each step's
    /// <see cref="ISignable.GetDigest"/>, sign it elsewhere and continue with
    /// <see cref="Gateway.NewSignedProposal"/>, <see cref="Gateway.NewSignedTransaction"/> or <see cref="Gateway.NewSignedCommit"/>.
    /// </summary>
    public ISigner? Signer { get; set; }

    /// <summary>
    /// Gets or sets the hash algorithm that turns signed bytes into the digest given to the <see cref="Signer"/>
    /// and returned by <see cref="ISignable.GetDigest"/>: <see cref="HashAlgorithmName.SHA256"/> (the default, what
    /// Fabric's X.509 MSP verifies ECDSA signatures with), <see cref="HashAlgorithmName.SHA384"/>,
    /// <see cref="HashAlgorithmName.SHA3_256"/>, <see cref="HashAlgorithmName.SHA3_384"/>, or <see cref="Identity.Hash.None"/>
    /// for signers that sign whole messages, such as Ed25519.
    /// </summary>
    /// <remarks>
    /// The client's own signers are checked against the hash when the gateway connects: an Ed25519 signer requires
    /// <see cref="Identity.Hash.None"/> and an ECDSA signer refuses it. A custom <see cref="ISigner"/> may be paired with any
    /// of the five, as with Fabric's own Gateway clients.
    /// </remarks>
    public HashAlgorithmName Hash { get; set; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// Gets or sets the deadline applied to each evaluate call; <see langword="null"/> means no deadline.
    /// The default is 5 seconds. <see cref="ProposalOptions.EvaluateTimeout"/> and <see cref="GatewayCallOptions.Timeout"/>
    /// override it for one call.
    /// </summary>
    public TimeSpan? EvaluateTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the deadline applied to each endorse call; <see langword="null"/> means no deadline.
    /// The default is 15 seconds.
    /// </summary>
    public TimeSpan? EndorseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets the deadline applied to each submit call; <see langword="null"/> means no deadline.
    /// The default is 5 seconds.
    /// </summary>
    public TimeSpan? SubmitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the deadline applied to each commit status call, which waits until the transaction is
    /// committed in a block; <see langword="null"/> means no deadline. The default is 1 minute.
    /// </summary>
    public TimeSpan? CommitStatusTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the SHA-256 hash of the DER-encoded client TLS certificate, for peers that require mutual TLS
    /// and bind proposals to the TLS session (<c>ChannelHeader.tls_cert_hash</c>). Empty (the default) when mutual TLS
    /// is not used. Compute it with <c>SHA256.HashData(clientCertificate.RawData)</c>.
    /// </summary>
    public ReadOnlyMemory<byte> TlsClientCertificateHash { get; set; }

    /// <summary>
    /// Gets or sets the factory for the gateway's loggers; <see langword="null"/> (the default) disables logging.
    /// The client logs each step of the transaction flow at <see cref="LogLevel.Debug"/>.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets the factory of the <see cref="Meter"/> that records the client's metrics (see
    /// <see cref="Diagnostics.GatewayDiagnostics"/>), usually the service container's. When <see langword="null"/> (the
    /// default) a process-wide meter named <see cref="Diagnostics.GatewayDiagnostics.MeterName"/> is used.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Gets or sets the clock that timestamps proposals. The default is <see cref="TimeProvider.System"/>.
    /// Chaincode reads this timestamp as the transaction's time, and peers do not check it against their own clocks.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
