using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>Subjects are rendered as Fabric's Go client identity library renders them.</summary>
public sealed class PartySubjectTests
{
    [TestCase("C=US, ST=California, L=San Francisco, OU=client, CN=User1@banka.example.com", "CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US")]
    [TestCase("CN=User1@banka.example.com, OU=client, L=San Francisco, ST=California, C=US", "CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US")]
    // .NET writes the string's last attribute first in DER, so the certificate holds OU=banka before OU=peer.
    [TestCase("CN=peer0, OU=peer, OU=banka, O=banka.example.com, C=US", "CN=peer0,OU=banka+OU=peer,O=banka.example.com,C=US")]
    [TestCase("CN=\"Acme, Inc.\", C=CN", "CN=Acme\\, Inc.,C=CN")]
    [TestCase("E=admin@example.com, CN=Admin, C=US", "CN=Admin,C=US")]
    [TestCase("SERIALNUMBER=42, CN=Teller, O=Bank", "SERIALNUMBER=42,CN=Teller,O=Bank")]
    public void FromCertificate_Subject_RendersMostSpecificFirstInGoOrder(string subject, string expected)
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        // Act
        var rendered = PartySubject.FromCertificate(certificate);

        // Assert
        Assert.That(rendered, Is.EqualTo(expected));
    }

    [Test]
    public void FromPem_Certificate_RendersItsSubject()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=User3@banka.example.com, OU=client, C=US", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        // Act
        var rendered = PartySubject.FromPem(certificate.ExportCertificatePem());

        // Assert
        Assert.That(rendered, Is.EqualTo("CN=User3@banka.example.com,OU=client,C=US"));
    }

    [Test]
    public void FromPem_NotACertificate_ThrowsArgumentException()
    {
        // Act
        var thrown = Assert.Throws<ArgumentException>(() => PartySubject.FromPem("hello"));

        // Assert
        Assert.That(thrown!.ParamName, Is.EqualTo("certificatePem"));
    }
}
