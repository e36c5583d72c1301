using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// A client identity for tests: an X.509 certificate with a P-256 key, issued by a test CA of its
/// organization, with the node OU role in its subject and optional Fabric CA attributes. It signs the
/// proposals of the transactions it creates, and chaincode sees it as the creator
/// (<see cref="IChaincodeStub.Creator"/>, <see cref="IChaincodeStub.ClientIdentity"/>).
/// </summary>
/// <remarks>
/// <para>
/// Certificates are minted in memory with <see cref="CertificateRequest"/>: the subject is
/// <c>C=US, ST=California, L=San Francisco, OU=&lt;role&gt;, CN=&lt;name&gt;</c> and the issuer is a CA named
/// after the organization (<c>ExchangeMSP</c> → <c>CN=ca.exchange.example.com, O=exchange.example.com</c>),
/// one CA per MSP id for the life of the process, so every identity of an MSP has the same issuer.
/// Attributes go in extension 1.2.3.4.5.6.7.8.1 as Fabric CA writes them (<c>{"attrs":{…}}</c>).
/// </para>
/// <para>
/// <see cref="FromPem"/> loads an existing identity instead, for example a user of the test network.
/// </para>
/// </remarks>
public sealed class TestIdentity
{
    /// <summary>The extension Fabric CA puts identity attributes in.</summary>
    public const string AttributesExtensionOid = "1.2.3.4.5.6.7.8.1";

    private static readonly ConcurrentDictionary<string, X509Certificate2> Authorities = new(StringComparer.Ordinal);

    private static readonly BigInteger P256Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private readonly ECDsa _key;
    private readonly Lazy<ClientIdentity> _clientIdentity;

    private TestIdentity(string mspId, X509Certificate2 certificate, ECDsa key)
    {
        MspId = mspId;
        Certificate = certificate;
        _key = key;
        CertificatePem = certificate.ExportCertificatePem() + "\n";
        SerializedIdentity = new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8(CertificatePem) }.ToByteArray();
        _clientIdentity = new Lazy<ClientIdentity>(() => ClientIdentity.FromSerializedIdentity(SerializedIdentity.Span));
    }

    /// <summary>Gets the MSP id of the identity's organization.</summary>
    public string MspId { get; }

    /// <summary>Gets the certificate (public part; the private key stays inside this object).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets the certificate as PEM.</summary>
    public string CertificatePem { get; }

    /// <summary>Gets the identity as a proposal's creator: an <c>msp.SerializedIdentity</c> with the MSP id and the PEM certificate.</summary>
    public ReadOnlyMemory<byte> SerializedIdentity { get; }

    /// <summary>Gets the identity as chaincode sees it: Fabric id, node OU role, attributes.</summary>
    public ClientIdentity ClientIdentity => _clientIdentity.Value;

    /// <summary>Mints an identity with a new certificate and P-256 key, issued by the organization's test CA.</summary>
    /// <param name="mspId">The MSP id, for example <c>ExchangeMSP</c>; not empty.</param>
    /// <param name="name">The subject's common name, for example <c>User1@exchange.example.com</c>; not empty.</param>
    /// <param name="role">The node OU role in the subject.</param>
    /// <param name="attributes">Fabric CA attributes to put in extension 1.2.3.4.5.6.7.8.1; none when <see langword="null"/> or empty.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException"><paramref name="mspId"/> or <paramref name="name"/> is empty, or an attribute name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    public static TestIdentity Create(string mspId, string name = "User1", TestIdentityRole role = TestIdentityRole.Client, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "The role is not one of Client, Peer, Admin or Orderer.");
        }

        if (attributes is not null && attributes.Keys.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An attribute name is null or empty.", nameof(attributes));
        }

        var authority = Authorities.GetOrAdd(mspId, CreateAuthority);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("US");
        subject.AddStateOrProvinceName("California");
        subject.AddLocalityName("San Francisco");
        subject.AddOrganizationalUnitName(role.ToString().ToLowerInvariant());
        subject.AddCommonName(name);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (attributes is { Count: > 0 })
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, Dictionary<string, string>>
            {
                ["attrs"] = attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value ?? string.Empty, StringComparer.Ordinal),
            });
            request.CertificateExtensions.Add(new X509Extension(new Oid(AttributesExtensionOid), json, false));
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notBefore = authority.NotBefore.ToUniversalTime();
        using var issued = request.Create(authority, notBefore, notBefore.AddYears(50), serial);
        return new TestIdentity(mspId, X509CertificateLoader.LoadCertificate(issued.RawData), key);
    }

    /// <summary>Loads an existing identity: a PEM certificate and its PEM (PKCS#8 or SEC 1) EC private key.</summary>
    /// <param name="mspId">The MSP id of the identity's organization; not empty.</param>
    /// <param name="certificatePem">The PEM certificate.</param>
    /// <param name="privateKeyPem">The PEM private key of the certificate.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException">An argument is empty, or the PEM texts are not an EC certificate and key.</exception>
    public static TestIdentity FromPem(string mspId, string certificatePem, string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        ArgumentException.ThrowIfNullOrEmpty(certificatePem);
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        try
        {
            var certificate = X509Certificate2.CreateFromPem(certificatePem);
            var key = ECDsa.Create();
            key.ImportFromPem(privateKeyPem);
            return new TestIdentity(mspId, X509CertificateLoader.LoadCertificate(certificate.RawData), key);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"The certificate or key is not a readable PEM EC certificate and key: {ex.Message}", nameof(certificatePem), ex);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{MspId} {Certificate.Subject}";

    /// <summary>Signs data as Fabric clients do: ECDSA over SHA-256, DER-encoded, with a low S.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data)
    {
        var raw = _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var half = raw.Length / 2;
        var r = new BigInteger(raw.AsSpan(0, half), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(raw.AsSpan(half), isUnsigned: true, isBigEndian: true);
        if (half == 32 && s > P256Order / 2)
        {
            s = P256Order - s;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        return writer.Encode();
    }

    private static X509Certificate2 CreateAuthority(string mspId)
    {
        var domain = (mspId.EndsWith("MSP", StringComparison.Ordinal) && mspId.Length > 3 ? mspId[..^3] : mspId).ToLowerInvariant() + ".example.com";
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("US");
        name.AddStateOrProvinceName("California");
        name.AddLocalityName("San Francisco");
        name.AddOrganizationName(domain);
        name.AddCommonName("ca." + domain);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        var notBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(notBefore, notBefore.AddYears(50));
    }
}
