using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Client.Internal;

/// <summary>What every object created from a <see cref="Gateway"/> shares: the connection, the identity and the settings.</summary>
internal sealed class GatewayContext(
    GatewayClient client,
    SigningIdentity signingIdentity,
    TimeProvider timeProvider,
    ByteString tlsCertificateHash,
    ILogger logger)
{
    public GatewayClient Client { get; } = client;

    public SigningIdentity SigningIdentity { get; } = signingIdentity;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Gets the hash of the client's TLS certificate for <c>ChannelHeader.tls_cert_hash</c>; empty without mutual TLS.</summary>
    public ByteString TlsCertificateHash { get; } = tlsCertificateHash;

    public ILogger Logger { get; } = logger;
}
