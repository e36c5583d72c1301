using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Bills.Client;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>A submitter of synthetic transactions: an MSP id and a fresh self-signed certificate.</summary>
internal sealed record TestIdentity(string MspId, string CertificatePem)
{
    /// <summary>Gets the certificate's subject as the contract renders it.</summary>
    public string Subject => PartySubject.FromPem(CertificatePem);

    public static TestIdentity Create(string mspId, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, OU=client, O={mspId}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new TestIdentity(mspId, certificate.ExportCertificatePem());
    }
}
