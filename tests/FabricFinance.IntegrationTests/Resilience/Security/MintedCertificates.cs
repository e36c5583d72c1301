using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Certificates made by the tests: a client certificate issued by an org's own CA (cryptogen leaves
/// the CA's key in the network's crypto material) with any subject, or by a CA nobody trusts.
/// </summary>
internal static class MintedCertificates
{
    /// <summary>
    /// A client certificate with the subject of cryptogen's users (C, ST, L, OU=client, CN, in that
    /// order), issued by the CA whose certificate and key files are given. Returns PEM certificate and key.
    /// </summary>
    public static (string CertificatePem, string KeyPem) IssueClient(string commonName, string caCertificateFile, string caKeyFile)
    {
        using var ca = X509Certificate2.CreateFromPemFile(caCertificateFile, caKeyFile);
        return Issue(commonName, ca);
    }

    /// <summary>The certificate and key files of an org's CA (cryptogen's <c>ca/</c> folder beside <c>users/</c>).</summary>
    public static (string CertificateFile, string KeyFile) CaFilesOf(string mspId)
    {
        var userCertificate = FabricNetwork.Profile.Org(mspId).Users["User1"].Certificate;
        var org = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(userCertificate)!, "..", "..", "..", ".."));
        var ca = Path.Combine(org, "ca");
        return (Directory.GetFiles(ca, "*-cert.pem").Single(), Path.Combine(ca, "priv_sk"));
    }

    /// <summary>A self-signed CA nobody on the network trusts, and a client certificate it issued.</summary>
    public static (string CaPem, string CertificatePem, string KeyPem) IssueFromStrangeCa(string commonName)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Stranger CA, O=nobody.example.com", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (certificate, key) = Issue(commonName, ca);
        return (ca.ExportCertificatePem(), certificate, key);
    }

    private static (string CertificatePem, string KeyPem) Issue(string commonName, X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder(); // encodes in the reverse of the order added
        subject.AddCommonName(commonName);
        subject.AddOrganizationalUnitName("client");
        subject.AddLocalityName("San Francisco");
        subject.AddStateOrProvinceName("California");
        subject.AddCountryOrRegion("US");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        // No extended key usage, like cryptogen's: Fabric's MSP verifies chains with Go's default usage (server
        // authentication), which a certificate limited to client authentication fails.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notBefore = DateTimeOffset.UtcNow.AddHours(-1) < ca.NotBefore ? new DateTimeOffset(ca.NotBefore.ToUniversalTime()) : DateTimeOffset.UtcNow.AddHours(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1) > ca.NotAfter ? new DateTimeOffset(ca.NotAfter.ToUniversalTime()) : DateTimeOffset.UtcNow.AddDays(1);
        using var certificate = request.Create(ca, notBefore, notAfter, serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
