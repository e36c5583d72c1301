using FabricFinance.Client.Identity;

namespace FabricFinance.Client.DependencyInjection;

/// <summary>
/// Settings of the gateway that <see cref="Microsoft.Extensions.DependencyInjection.FabricGatewayServiceCollectionExtensions.AddFabricGateway(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// registers: where the peer is, how to trust it, who the client is, and the call timeouts.
/// </summary>
/// <remarks>
/// <para>Bound from configuration under the property names, for example in <c>appsettings.json</c>:</para>
/// <code>
/// "Fabric": {
///   "PeerAddress": "https://127.0.0.1:7051",
///   "TlsRootCertificatesFile": "organizations/peerOrganizations/org1.example.com/tlsca/tlsca.org1.example.com-cert.pem",
///   "ServerNameOverride": "peer0.org1.example.com",
///   "MspId": "Org1MSP",
///   "CertificateFile": "users/User1@org1.example.com/msp/signcerts/cert.pem",
///   "PrivateKeyFile": "users/User1@org1.example.com/msp/keystore/priv_sk",
///   "ChannelName": "mychannel",
///   "EndorseTimeout": "00:00:30"
/// }
/// </code>
/// <para>
/// Where both a file and a PEM property are set, the PEM wins. Timeouts left unset keep <see cref="GatewayOptions"/>'s
/// defaults; <see cref="Timeout.InfiniteTimeSpan"/> (<c>"-00:00:00.001"</c>) means no deadline.
/// </para>
/// </remarks>
public sealed class FabricGatewayOptions
{
    /// <summary>
    /// Gets or sets the address of the peer's Gateway service: <c>https://host:port</c>, <c>http://host:port</c> for a peer
    /// without TLS, or <c>host:port</c>, which means https. Required.
    /// </summary>
    public string? PeerAddress { get; set; }

    /// <summary>Gets or sets the path of a PEM file with the certificate authorities that issue the peer's TLS certificate.</summary>
    public string? TlsRootCertificatesFile { get; set; }

    /// <summary>Gets or sets the PEM text of the certificate authorities that issue the peer's TLS certificate.</summary>
    public string? TlsRootCertificatesPem { get; set; }

    /// <summary>Gets or sets the host name the peer's TLS certificate must be valid for, when it differs from the address's.</summary>
    public string? ServerNameOverride { get; set; }

    /// <summary>
    /// Gets or sets the path of the PEM client TLS certificate for peers that require mutual TLS. The gateway then also
    /// binds proposals to it (<see cref="GatewayOptions.TlsClientCertificateHash"/>).
    /// </summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>Gets or sets the path of the PEM private key of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Gets or sets the MSP identifier of the client identity, for example <c>Org1MSP</c>. Required.</summary>
    public string? MspId { get; set; }

    /// <summary>Gets or sets the path of the identity's PEM certificate (an MSP's <c>signcerts</c> file).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>Gets or sets the identity's PEM certificate. One of this and <see cref="CertificateFile"/> is required.</summary>
    public string? CertificatePem { get; set; }

    /// <summary>
    /// Gets or sets the path of the identity's PEM private key (an MSP's <c>keystore</c> file): ECDSA P-256, P-384 or
    /// Ed25519, as <see cref="Signers.NewPrivateKeySigner(string)"/> reads.
    /// </summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Gets or sets the identity's PEM private key.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>
    /// Gets or sets the signer, for keys that are not in a file, such as a <see cref="Pkcs11Signer"/>. Not bound from
    /// configuration; it takes precedence over <see cref="PrivateKeyFile"/> and <see cref="PrivateKeyPem"/>. With no signer
    /// and no key, the gateway supports offline signing only.
    /// </summary>
    public ISigner? Signer { get; set; }

    /// <summary>
    /// Gets or sets the hash algorithm's name: <c>SHA256</c> (the default), <c>SHA384</c>, <c>SHA3-256</c>, <c>SHA3-384</c>
    /// or <c>NONE</c>. An Ed25519 key with no hash set gets <c>NONE</c>.
    /// </summary>
    public string? Hash { get; set; }

    /// <summary>
    /// Gets or sets the channel that the registered <see cref="Network"/> is for. Needed only to resolve <see cref="Network"/>.
    /// </summary>
    public string? ChannelName { get; set; }

    /// <summary>Gets or sets the evaluate timeout; <see langword="null"/> keeps the default of 5 seconds.</summary>
    public TimeSpan? EvaluateTimeout { get; set; }

    /// <summary>Gets or sets the endorse timeout; <see langword="null"/> keeps the default of 15 seconds.</summary>
    public TimeSpan? EndorseTimeout { get; set; }

    /// <summary>Gets or sets the submit timeout; <see langword="null"/> keeps the default of 5 seconds.</summary>
    public TimeSpan? SubmitTimeout { get; set; }

    /// <summary>Gets or sets the commit status timeout; <see langword="null"/> keeps the default of 1 minute.</summary>
    public TimeSpan? CommitStatusTimeout { get; set; }
}
