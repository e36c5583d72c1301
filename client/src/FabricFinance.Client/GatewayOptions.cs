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
    /// and returned by <see cref="ISignable.GetDigest"/>. The default, SHA-256, is what Fabric's ECDSA verification expects.
    /// </summary>
    public HashAlgorithmName Hash { get; set; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// Gets or sets the deadline applied to each evaluate call; <see langword="null"/> means no deadline.
    /// The default is 5 seconds.
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
    /// Gets or sets the clock that timestamps proposals. The default is <see cref="TimeProvider.System"/>.
    /// Chaincode reads this timestamp as the transaction's time, and peers do not check it against their own clocks.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
