using System.Security.Cryptography.X509Certificates;
using System.Text;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Tests.Infrastructure;

namespace FabricFinance.Client.Tests.Identity;

public class X509IdentityTests
{
    [Test]
    public void FromPem_ValidCertificate_CredentialsArePemEncodedCertificate()
    {
        // Arrange
        using var user = new TestIdentity();

        // Act
        var identity = X509Identity.FromPem("Org1MSP", user.CertificatePem);

        // Assert
        var text = Encoding.ASCII.GetString(identity.Credentials.Span);
        Assert.Multiple(() =>
        {
            Assert.That(identity.MspId, Is.EqualTo("Org1MSP"));
            Assert.That(text, Does.StartWith("-----BEGIN CERTIFICATE-----\n"));
            Assert.That(text, Does.EndWith("-----END CERTIFICATE-----\n"));
            using var decoded = X509Certificate2.CreateFromPem(text);
            Assert.That(decoded.RawData, Is.EqualTo(user.Certificate.RawData));
        });
    }

    [Test]
    public void FromPem_TextAroundCertificate_CredentialsAreCanonical()
    {
        // Arrange
        using var user = new TestIdentity();
        var messy = "subject=CN=User1\r\n" + user.CertificatePem.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";

        // Act
        var identity = X509Identity.FromPem("Org1MSP", messy);

        // Assert
        Assert.That(identity.Credentials.ToArray(), Is.EqualTo(new X509Identity("Org1MSP", user.Certificate).Credentials.ToArray()));
    }

    [Test]
    public void FromPem_NotACertificate_ThrowsArgumentExceptionNamingPem()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => X509Identity.FromPem("Org1MSP", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("certificatePem"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void FromPem_MissingMspId_ThrowsArgumentExceptionNamingMspId(string? mspId)
    {
        // Arrange
        using var user = new TestIdentity();

        // Act
        var ex = Assert.Catch<ArgumentException>(() => X509Identity.FromPem(mspId!, user.CertificatePem));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("mspId"));
    }

    [Test]
    public void Constructor_NullCertificate_ThrowsArgumentNullException()
    {
        // Act
        var ex = Assert.Throws<ArgumentNullException>(() => _ = new X509Identity("Org1MSP", null!));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("certificate"));
    }
}
