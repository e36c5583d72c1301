using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>A private TLS certificate authority and a peer certificate it issued, laid out like cryptogen's.</summary>
internal sealed class TestCertificates : IDisposable
{
    public const string PeerHostName = "peer0.org1.example.com";

    public TestCertificates(string organization = "org1.example.com")
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=tlsca.{organization}, O={organization}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        CertificateAuthority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var peerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var peerRequest = new CertificateRequest($"CN={PeerHostName}", peerKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PeerHostName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        peerRequest.CertificateExtensions.Add(names.Build());
        peerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        peerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        peerRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = peerRequest.Create(CertificateAuthority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(peerKey);
        Peer = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    public X509Certificate2 CertificateAuthority { get; }

    public string CertificateAuthorityPem => CertificateAuthority.ExportCertificatePem();

    /// <summary>Gets the peer's TLS certificate with its private key; valid for the peer host name, localhost and 127.0.0.1.</summary>
    public X509Certificate2 Peer { get; }

    public void Dispose()
    {
        Peer.Dispose();
        CertificateAuthority.Dispose();
    }
}
