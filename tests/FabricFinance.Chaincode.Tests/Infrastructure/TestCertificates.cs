using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.Chaincode.Tests.Infrastructure;

/// <summary>
/// A throwaway CA with a server certificate for 127.0.0.1 and a client certificate, written as PEM
/// files the way a CCaaS deployment provides them.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, X509Certificate2 ca, X509Certificate2 client)
    {
        Directory = directory;
        Ca = ca;
        Client = client;
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>Gets a client certificate (with its key) issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Client { get; }

    public string ServerCertificateFile => Path.Combine(Directory, "server.crt");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public static TestCertificates Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("fabfin-tls-").FullName;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=chaincode", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddHours(1), [1, 2, 3, 4]);

        File.WriteAllText(Path.Combine(directory, "server.crt"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem());

        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientRequest = new CertificateRequest("CN=peer0", clientKey, HashAlgorithmName.SHA256);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var clientPublic = clientRequest.Create(ca, now.AddMinutes(-5), now.AddHours(1), [5, 6, 7, 8]);
        var client = clientPublic.CopyWithPrivateKey(clientKey);
        return new TestCertificates(directory, ca, client);
    }

    /// <summary>Creates a client certificate signed by a different, untrusted CA.</summary>
    public static X509Certificate2 CreateUntrustedClient()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=stranger", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
    }

    public void Dispose()
    {
        Ca.Dispose();
        Client.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
