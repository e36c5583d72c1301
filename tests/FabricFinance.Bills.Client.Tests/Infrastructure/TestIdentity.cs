using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client.Identity;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>A throw-away P-256 key with a self-signed certificate, standing in for a cryptogen user.</summary>
internal sealed class TestIdentity : IDisposable
{
    public TestIdentity(string mspId = "BankAMSP", string subject = "CN=User1@banka.example.com, OU=client, L=San Francisco, ST=California, C=US")
    {
        MspId = mspId;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, Key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        CertificatePem = Certificate.ExportCertificatePem();
        KeyPem = Key.ExportPkcs8PrivateKeyPem();
    }

    public string MspId { get; }

    public ECDsa Key { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    public X509Identity X509 => X509Identity.FromPem(MspId, CertificatePem);

    public ISigner Signer => Signers.NewPrivateKeySigner(Key);

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }
}
