using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client.Identity;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>A throw-away ECDSA key with a self-signed certificate, standing in for a Fabric MSP enrollment.</summary>
internal sealed class TestIdentity : IDisposable
{
    public const string MspId = "Org1MSP";

    public TestIdentity(ECCurve? curve = null)
    {
        Key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=User1@org1.example.com, OU=client, O=org1.example.com", Key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        CertificatePem = Certificate.ExportCertificatePem();
        Identity = X509Identity.FromPem(MspId, CertificatePem);
        Signer = Signers.NewPrivateKeySigner(Key);
    }

    public ECDsa Key { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    public X509Identity Identity { get; }

    public ISigner Signer { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }
}
