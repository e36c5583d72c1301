using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client.Tests.Infrastructure;

namespace FabricFinance.Client.Tests;

public class GatewayChannelTests
{
    [Test]
    public void ForAddress_HttpsWithCaPem_ChannelTargetsAddress()
    {
        // Arrange
        using var certificates = new TestCertificates();

        // Act
        using var channel = GatewayChannel.ForAddress(
            "https://127.0.0.1:7051",
            new GatewayChannelOptions { TlsRootCertificatesPem = certificates.CertificateAuthorityPem, ServerNameOverride = "peer0.org1.example.com" });

        // Assert
        Assert.That(channel.Target, Is.EqualTo("127.0.0.1:7051"));
    }

    [TestCase("127.0.0.1:7051")]
    [TestCase("ftp://127.0.0.1:7051")]
    [TestCase("not an address")]
    public void ForAddress_NotHttpAddress_ThrowsArgumentExceptionNamingAddress(string address)
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => GatewayChannel.ForAddress(address));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("address"));
    }

    [Test]
    public void ForAddress_TlsOptionsForHttp_ThrowsArgumentExceptionNamingOptions()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() =>
            GatewayChannel.ForAddress("http://127.0.0.1:7051", new GatewayChannelOptions { ServerNameOverride = "peer0" }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void ForAddress_PemWithoutCertificate_ThrowsArgumentExceptionNamingOptions()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() =>
            GatewayChannel.ForAddress("https://127.0.0.1:7051", new GatewayChannelOptions { TlsRootCertificatesPem = "no certificate here" }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void ForAddress_ClientCertificateWithoutKey_ThrowsArgumentExceptionNamingOptions()
    {
        // Arrange
        using var certificates = new TestCertificates();
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificates.Peer.RawData);

        // Act
        var ex = Assert.Throws<ArgumentException>(() =>
            GatewayChannel.ForAddress("https://127.0.0.1:7051", new GatewayChannelOptions { ClientCertificate = publicOnly }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }
}
