using FabricFinance.Client.DependencyInjection;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FabricFinance.Client.Tests.DependencyInjection;

public class FabricGatewayServiceCollectionExtensionsTests
{
    private TestIdentity _user = null!;
    private TestCertificates _tls = null!;
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void WriteCredentialFiles()
    {
        _user = new TestIdentity();
        _tls = new TestCertificates();
        _directory = Directory.CreateTempSubdirectory("fabfin-di-");
        File.WriteAllText(Path.Combine(_directory.FullName, "cert.pem"), _user.CertificatePem);
        File.WriteAllText(Path.Combine(_directory.FullName, "key.pem"), _user.Key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_directory.FullName, "tlsca.pem"), _tls.CertificateAuthorityPem);
    }

    [TearDown]
    public void DeleteCredentialFiles()
    {
        _directory.Delete(recursive: true);
        _tls.Dispose();
        _user.Dispose();
    }

    [Test]
    public void AddFabricGateway_Configuration_BindsEveryOption()
    {
        // Arrange
        using var provider = Services(Settings(("Hash", "SHA3-256"), ("EndorseTimeout", "00:00:30"), ("SubmitTimeout", "-00:00:00.001"))).BuildServiceProvider();

        // Act
        var options = provider.GetRequiredService<IOptions<FabricGatewayOptions>>().Value;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(options.PeerAddress, Is.EqualTo("127.0.0.1:7051"));
            Assert.That(options.MspId, Is.EqualTo(TestIdentity.MspId));
            Assert.That(options.TlsRootCertificatesFile, Does.EndWith("tlsca.pem"));
            Assert.That(options.ServerNameOverride, Is.EqualTo(TestCertificates.PeerHostName));
            Assert.That(options.ChannelName, Is.EqualTo("mychannel"));
            Assert.That(options.Hash, Is.EqualTo("SHA3-256"));
            Assert.That(options.EndorseTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.SubmitTimeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
            Assert.That(options.EvaluateTimeout, Is.Null);
        });
    }

    [Test]
    public void GetService_Configured_GatewayNetworkAndChannelFromTheFiles()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var services = Services(Settings(("Hash", "SHA384")));
        services.AddSingleton<TimeProvider>(clock);
        using var provider = services.BuildServiceProvider();

        // Act
        var gateway = provider.GetRequiredService<Gateway>();
        var network = provider.GetRequiredService<Network>();
        var channel = provider.GetRequiredKeyedService<GrpcChannel>(FabricGatewayServiceCollectionExtensions.ChannelServiceKey);
        var proposal = network.GetContract("bills").NewProposal("Issue");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(gateway.Identity.MspId, Is.EqualTo(TestIdentity.MspId));
            Assert.That(gateway.Identity.Credentials.ToArray(), Is.EqualTo(_user.Identity.Credentials.ToArray()));
            Assert.That(network.Name, Is.EqualTo("mychannel"));
            Assert.That(channel.Target, Is.EqualTo("127.0.0.1:7051"));
            Assert.That(proposal.GetDigest(), Has.Length.EqualTo(48), "SHA-384 from configuration");
            Assert.That(provider.GetRequiredService<Gateway>(), Is.SameAs(gateway));
        });
    }

    [Test]
    public async Task DisposeAsync_Provider_DisposesGatewayAndChannel()
    {
        // Arrange
        var provider = Services(Settings()).BuildServiceProvider();
        var gateway = provider.GetRequiredService<Gateway>();
        var channel = provider.GetRequiredKeyedService<GrpcChannel>(FabricGatewayServiceCollectionExtensions.ChannelServiceKey);

        // Act
        await provider.DisposeAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.Throws<ObjectDisposedException>(() => gateway.GetNetwork("mychannel"));
            Assert.Throws<ObjectDisposedException>(() => channel.CreateCallInvoker());
        });
    }

    [Test]
    public void GetService_MissingSettings_OptionsValidationExceptionListsEachProblem()
    {
        // Arrange
        using var provider = Services(new Dictionary<string, string?> { ["Fabric:SubmitTimeout"] = "-00:00:05", ["Fabric:Hash"] = "MD5" }).BuildServiceProvider();

        // Act
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Gateway>());

        // Assert
        Assert.That(ex!.Failures, Has.Some.Contains("PeerAddress")
            .And.Some.Contains("MspId")
            .And.Some.Contains("CertificateFile")
            .And.Some.Contains("SubmitTimeout")
            .And.Some.Contains("Hash"));
    }

    [Test]
    public void GetService_TimeoutNotATimeSpan_ThrowsNamingTheConfigurationKey()
    {
        // Arrange
        using var provider = Services(Settings(("EvaluateTimeout", "soon"))).BuildServiceProvider();

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<Gateway>());

        // Assert
        Assert.That(ex!.Message, Does.Contain("Fabric:EvaluateTimeout").And.Contain("soon"));
    }

    [Test]
    public void GetService_MissingCertificateFile_ThrowsNamingTheFile()
    {
        // Arrange
        using var provider = Services(Settings(("CertificateFile", "/nonexistent/cert.pem"))).BuildServiceProvider();

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<Gateway>());

        // Assert
        Assert.That(ex!.Message, Does.Contain("CertificateFile").And.Contain("/nonexistent/cert.pem"));
    }

    [Test]
    public void GetService_NoChannelName_NetworkThrowsButGatewayResolves()
    {
        // Arrange
        var settings = Settings();
        settings.Remove("Fabric:ChannelName");
        using var provider = Services(settings).BuildServiceProvider();

        // Act and Assert
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<Gateway>(), Is.Not.Null);
            Assert.That(Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<Network>())!.Message, Does.Contain("ChannelName"));
        });
    }

    [Test]
    public void AddFabricGateway_CodeConfiguration_Ed25519SignerGetsHashNone()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddFabricGateway(options =>
        {
            options.PeerAddress = "http://127.0.0.1:7051";
            options.MspId = TestIdentity.MspId;
            options.CertificatePem = _user.CertificatePem;
            options.Signer = Signers.NewEd25519Signer(new byte[32]);
            options.ChannelName = "mychannel";
        });
        using var provider = services.BuildServiceProvider();

        // Act
        var proposal = provider.GetRequiredService<Network>().GetContract("bills").NewProposal("Issue");

        // Assert: with no hash, the digest is the whole proposal.
        Assert.That(proposal.GetDigest(), Has.Length.GreaterThan(100));
    }

    [Test]
    public void AddFabricGateway_CalledTwice_RegistersOneGateway()
    {
        // Arrange
        var services = Services(Settings());

        // Act
        services.AddFabricGateway(options => options.EvaluateTimeout = TimeSpan.FromSeconds(9));

        // Assert
        Assert.That(services.Count(d => d.ServiceType == typeof(Gateway)), Is.EqualTo(1));
    }

    [Test]
    public void AddFabricGateway_NullArguments_ThrowArgumentNullException()
    {
        // Act and Assert
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddFabricGateway((IConfiguration)null!));
            Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddFabricGateway((Action<FabricGatewayOptions>)null!));
        });
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFabricGateway(configuration.GetSection("Fabric"));
        return services;
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fabric:PeerAddress"] = "127.0.0.1:7051",
            ["Fabric:TlsRootCertificatesFile"] = Path.Combine(_directory.FullName, "tlsca.pem"),
            ["Fabric:ServerNameOverride"] = TestCertificates.PeerHostName,
            ["Fabric:MspId"] = TestIdentity.MspId,
            ["Fabric:CertificateFile"] = Path.Combine(_directory.FullName, "cert.pem"),
            ["Fabric:PrivateKeyFile"] = Path.Combine(_directory.FullName, "key.pem"),
            ["Fabric:ChannelName"] = "mychannel",
        };
        foreach (var (key, value) in overrides)
        {
            settings["Fabric:" + key] = value;
        }

        return settings;
    }
}
