using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Tests.Hosting;

public sealed class MonitorOptionsValidatorTests
{
    private string _folder = null!;
    private string _networkFile = null!;

    [SetUp]
    public void WriteNetworkFile()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitor-options-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(_folder, ".run"));
        _networkFile = Path.Combine(_folder, ".run", "network.json");
        File.WriteAllText(_networkFile, """
            {
              "channel": "fabfin",
              "peers": [ { "name": "peer0.regulator", "mspId": "RegulatorMSP", "address": "127.0.0.1:10051", "tlsCaCert": "ca.pem" } ],
              "orgs": [ { "mspId": "RegulatorMSP", "users": { "User1": { "cert": "u.pem", "key": "k.pem" } } } ]
            }
            """);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Validate_DefaultsWithANetworkFromTheStateFolder_Succeeds()
    {
        // Arrange
        var options = Configured(new MonitorOptions());

        // Act
        var result = new MonitorOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
        Assert.That(options.NetworkFile, Is.EqualTo(_networkFile));
        Assert.That(options.ConnectionString, Is.EqualTo("Data Source=" + Path.Combine(_folder, "data", "monitor.db")));
    }

    [TestCase("http://0.0.0.0:5080", "127.0.0.1 only")]
    [TestCase("http://localhost:5080", "127.0.0.1 only")]
    [TestCase("https://127.0.0.1:5080", "plain http")]
    [TestCase("http://127.0.0.1", "name the port")]
    [TestCase("http://127.0.0.1:5080/monitor", "path")]
    [TestCase("5080", "absolute URL")]
    public void Validate_UrlNotOnLoopbackHttp_FailsNamingMonitorUrl(string url, string reason)
    {
        // Arrange
        var options = Configured(new MonitorOptions { Url = url });

        // Act
        var result = new MonitorOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Monitor:Url").And.Contain(reason));
    }

    [Test]
    public void Validate_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        // Arrange
        var options = Configured(new MonitorOptions { Storage = StorageProvider.Postgres });

        // Act
        var result = new MonitorOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.FailureMessage, Does.Contain("Monitor:ConnectionString"));
    }

    [Test]
    public void Validate_UnknownUserAndPeer_FailsNamingEachSetting()
    {
        // Arrange
        var options = Configured(new MonitorOptions { User = "Nobody", PeerOrganization = "BankAMSP", RetryDelay = TimeSpan.Zero });

        // Act
        var result = new MonitorOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.Failures, Has.Some.Contains("Monitor:User is 'Nobody'"));
        Assert.That(result.Failures, Has.Some.Contains("Monitor:PeerOrganization"));
        Assert.That(result.Failures, Has.Some.Contains("Monitor:RetryDelay"));
    }

    [Test]
    public void Validate_NoNetworkFileFound_FailsSayingHowToGetOne()
    {
        // Arrange
        var options = new MonitorOptions();
        new MonitorOptionsSetup(_folder, stateDirectory: null, currentDirectory: _folder).PostConfigure(null, options);

        // Act
        var result = new MonitorOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.FailureMessage, Does.Contain("Monitor:NetworkFile").And.Contain("scripts/network.sh up"));
    }

    private MonitorOptions Configured(MonitorOptions options)
    {
        new MonitorOptionsSetup(_folder, stateDirectory: _folder, currentDirectory: _folder).PostConfigure(null, options);
        return options;
    }
}
