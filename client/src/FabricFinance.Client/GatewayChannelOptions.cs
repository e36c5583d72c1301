using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.Client;

/// <summary>TLS settings for <see cref="GatewayChannel.ForAddress"/>.</summary>
public sealed class GatewayChannelOptions
{
    /// <summary>
    /// Gets or sets the PEM-encoded certificates of the certificate authorities trusted to issue the peer's TLS
    /// certificate: in a Fabric network, the peer organization's TLS CA (<c>tlsca/*.pem</c>, or the peer's
    /// <c>tls/ca.crt</c>). Only these are trusted, not the system's store. When <see langword="null"/> (the default)
    /// the system's trusted roots apply.
    /// </summary>
    public string? TlsRootCertificatesPem { get; set; }

    /// <summary>
    /// Gets or sets the host name the peer's certificate must be valid for, when it differs from the host in the
    /// address: for example <c>peer0.org1.example.com</c> while connecting to <c>https://127.0.0.1:7051</c>. The
    /// connection still goes to the address; only certificate name checking changes.
    /// </summary>
    public string? ServerNameOverride { get; set; }

    /// <summary>
    /// Gets or sets the client certificate, with its private key, presented to peers that require mutual TLS. Also set
    /// <see cref="GatewayOptions.TlsClientCertificateHash"/> when the peer binds proposals to the TLS session.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; set; }
}
