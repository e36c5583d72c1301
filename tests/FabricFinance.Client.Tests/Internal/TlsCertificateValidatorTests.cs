using System.Net.Security;
using FabricFinance.Client.Internal;
using FabricFinance.Client.Tests.Infrastructure;

namespace FabricFinance.Client.Tests.Internal;

public class TlsCertificateValidatorTests
{
    private TestCertificates _certificates = null!;
    private TestCertificates _otherOrganization = null!;

    [OneTimeSetUp]
    public void CreateCertificates()
    {
        _certificates = new TestCertificates();
        _otherOrganization = new TestCertificates("org2.example.com");
    }

    [OneTimeTearDown]
    public void DisposeCertificates()
    {
        _certificates.Dispose();
        _otherOrganization.Dispose();
    }

    [Test]
    public void Validate_IssuedByTrustedCa_TrueDespitePlatformChainError()
    {
        // Arrange
        var validator = new TlsCertificateValidator([_certificates.CertificateAuthority], serverNameOverride: null);

        // Act
        var valid = validator.Validate(_certificates.Peer, null, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.That(valid, Is.True);
    }

    [Test]
    public void Validate_IssuedByOtherCa_False()
    {
        // Arrange
        var validator = new TlsCertificateValidator([_otherOrganization.CertificateAuthority], serverNameOverride: null);

        // Act
        var valid = validator.Validate(_certificates.Peer, null, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.That(valid, Is.False);
    }

    [Test]
    public void Validate_NameMismatchWithoutOverride_False()
    {
        // Arrange
        var validator = new TlsCertificateValidator([_certificates.CertificateAuthority], serverNameOverride: null);

        // Act
        var valid = validator.Validate(
            _certificates.Peer,
            null,
            SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);

        // Assert
        Assert.That(valid, Is.False);
    }

    [TestCase(TestCertificates.PeerHostName, true)]
    [TestCase("localhost", true)]
    [TestCase("127.0.0.1", true)]
    [TestCase("peer1.org1.example.com", false)]
    public void Validate_ServerNameOverride_DecidesNameCheck(string serverName, bool expected)
    {
        // Arrange
        var validator = new TlsCertificateValidator([_certificates.CertificateAuthority], serverName);

        // Act
        var valid = validator.Validate(
            _certificates.Peer,
            null,
            SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);

        // Assert
        Assert.That(valid, Is.EqualTo(expected));
    }

    [Test]
    public void Validate_NoRootsGiven_PlatformChainErrorRejected()
    {
        // Arrange
        var validator = new TlsCertificateValidator(trustedRoots: null, TestCertificates.PeerHostName);

        // Act
        var valid = validator.Validate(_certificates.Peer, null, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.That(valid, Is.False);
    }

    [Test]
    public void Validate_NoCertificate_False()
    {
        // Arrange
        var validator = new TlsCertificateValidator([_certificates.CertificateAuthority], serverNameOverride: null);

        // Act
        var valid = validator.Validate(null, null, SslPolicyErrors.RemoteCertificateNotAvailable);

        // Assert
        Assert.That(valid, Is.False);
    }
}
