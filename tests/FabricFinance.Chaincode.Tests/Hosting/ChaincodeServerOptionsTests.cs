using System.Net;
using FabricFinance.Chaincode.Hosting;
using Microsoft.Extensions.Configuration;

namespace FabricFinance.Chaincode.Tests.Hosting;

[TestFixture]
public sealed class ChaincodeServerOptionsTests
{
    [Test]
    public void FromConfiguration_EnvironmentNames_AreRead()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CHAINCODE_SERVER_ADDRESS"] = "127.0.0.1:9999",
            ["CHAINCODE_ID"] = "assets_1.0:abc",
            ["CHAINCODE_TLS_CERT_FILE"] = "/c.pem",
            ["CHAINCODE_TLS_KEY_FILE"] = "/k.pem",
            ["CHAINCODE_TLS_CLIENT_CA_FILE"] = "/ca.pem",
        }).Build();

        // Act
        var options = ChaincodeServerOptions.FromConfiguration(configuration);

        // Assert
        Assert.That(options.Address, Is.EqualTo("127.0.0.1:9999"));
        Assert.That(options.ChaincodeId, Is.EqualTo("assets_1.0:abc"));
        Assert.That((options.TlsCertificateFile, options.TlsKeyFile, options.TlsClientCaFile), Is.EqualTo(("/c.pem", "/k.pem", "/ca.pem")));
    }

    [Test]
    public void FromConfiguration_OnlyThePeersVariable_FallsBackToCoreChaincodeIdName()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CORE_CHAINCODE_ID_NAME"] = "assets_1.0:def",
        }).Build();

        // Act
        var options = ChaincodeServerOptions.FromConfiguration(configuration);

        // Assert
        Assert.That(options.ChaincodeId, Is.EqualTo("assets_1.0:def"));
    }

    [TestCase("127.0.0.1:9999", "127.0.0.1", 9999)]
    [TestCase("localhost:7052", "127.0.0.1", 7052)]
    [TestCase("[::1]:7052", "::1", 7052)]
    [TestCase("127.0.0.1:0", "127.0.0.1", 0)]
    public void Validate_GoodAddress_ReturnsEndpoint(string address, string ip, int port)
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = address, ChaincodeId = "cc:1" };

        // Act
        var endpoint = options.Validate();

        // Assert
        Assert.That(endpoint, Is.EqualTo(new IPEndPoint(IPAddress.Parse(ip), port)));
    }

    [TestCase("", "cc:1", "CHAINCODE_SERVER_ADDRESS")]
    [TestCase("127.0.0.1:9999", "", "CHAINCODE_ID")]
    [TestCase("127.0.0.1", "cc:1", "host:port")]
    [TestCase("127.0.0.1:70000", "cc:1", "port")]
    [TestCase("127.0.0.1:abc", "cc:1", "port")]
    [TestCase("chaincode.example.com:9999", "cc:1", "IP address")]
    public void Validate_BadSetting_ThrowsNamingIt(string address, string chaincodeId, string named)
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = address, ChaincodeId = chaincodeId };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain(named));
    }

    [Test]
    public void Validate_CertificateWithoutKey_ThrowsNamingBoth()
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = "127.0.0.1:1", ChaincodeId = "cc:1", TlsCertificateFile = "/c.pem" };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain("CHAINCODE_TLS_CERT_FILE").And.Contain("CHAINCODE_TLS_KEY_FILE"));
    }

    [Test]
    public void Validate_ClientCaWithoutTls_Throws()
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = "127.0.0.1:1", ChaincodeId = "cc:1", TlsClientCaFile = "/ca.pem" };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain("CHAINCODE_TLS_CLIENT_CA_FILE"));
    }

    [Test]
    public void Validate_MissingTlsFile_ThrowsNamingThePath()
    {
        // Arrange
        var options = new ChaincodeServerOptions
        {
            Address = "127.0.0.1:1",
            ChaincodeId = "cc:1",
            TlsCertificateFile = "/nonexistent/cert.pem",
            TlsKeyFile = "/nonexistent/key.pem",
        };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain("/nonexistent/cert.pem"));
    }

    [Test]
    public void FromConfiguration_DurationSettings_AreReadAsSeconds()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CHAINCODE_KEEPALIVE_SECONDS"] = "30",
            ["CHAINCODE_KEEPALIVE_TIMEOUT_SECONDS"] = "5",
            ["CHAINCODE_SHUTDOWN_GRACE_SECONDS"] = "0",
        }).Build();

        // Act
        var options = ChaincodeServerOptions.FromConfiguration(configuration);

        // Assert
        Assert.That(
            (options.KeepAlivePingDelay, options.KeepAlivePingTimeout, options.ShutdownGracePeriod),
            Is.EqualTo((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.Zero)));
    }

    [Test]
    public void FromConfiguration_NoDurationSettings_UsesTheDefaults()
    {
        // Act
        var options = ChaincodeServerOptions.FromConfiguration(new ConfigurationBuilder().Build());

        // Assert
        Assert.That(
            (options.KeepAlivePingDelay, options.KeepAlivePingTimeout, options.ShutdownGracePeriod),
            Is.EqualTo((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20))));
    }

    [TestCase("CHAINCODE_KEEPALIVE_SECONDS", "1m")]
    [TestCase("CHAINCODE_KEEPALIVE_TIMEOUT_SECONDS", "-1")]
    [TestCase("CHAINCODE_SHUTDOWN_GRACE_SECONDS", "2.5")]
    public void FromConfiguration_MalformedDuration_ThrowsNamingTheVariable(string name, string value)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [name] = value }).Build();

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => ChaincodeServerOptions.FromConfiguration(configuration));

        // Assert
        Assert.That(error!.Message, Is.EqualTo($"{name} '{value}' is not a whole number of seconds."));
    }

    [Test]
    public void Validate_KeepAliveBelowOneSecond_ThrowsNamingTheVariables()
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = "127.0.0.1:1", ChaincodeId = "cc:1", KeepAlivePingTimeout = TimeSpan.Zero };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain("CHAINCODE_KEEPALIVE_SECONDS").And.Contain("CHAINCODE_KEEPALIVE_TIMEOUT_SECONDS"));
    }

    [Test]
    public void Validate_NegativeGracePeriod_ThrowsNamingTheVariable()
    {
        // Arrange
        var options = new ChaincodeServerOptions { Address = "127.0.0.1:1", ChaincodeId = "cc:1", ShutdownGracePeriod = TimeSpan.FromSeconds(-1) };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => options.Validate());

        // Assert
        Assert.That(error!.Message, Does.Contain("CHAINCODE_SHUTDOWN_GRACE_SECONDS"));
    }
}
