using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>
/// network.json is found through --network, $FABFIN_STATE_DIR, or network/.run above the current directory.
/// </summary>
public sealed class NetworkLocatorTests
{
    [Test]
    public void Locate_FromASubfolderOfTheRepository_FindsNetworkRunNetworkJson()
    {
        // Arrange
        var below = Directory.CreateDirectory(Path.Combine(CliNetwork.Sample.Root, "client", "src")).FullName;

        // Act
        var path = NetworkLocator.Locate(null, new CliEnvironment(below, _ => null));

        // Assert
        Assert.That(path, Is.EqualTo(CliNetwork.Sample.NetworkFile));
    }

    [Test]
    public void Locate_StateDirSet_UsesItsRunFolder()
    {
        // Arrange
        var stateDir = Path.Combine(CliNetwork.Sample.Root, "network");
        var environment = new CliEnvironment(Path.GetTempPath(), name => name == CliEnvironment.StateDirVariable ? stateDir : null);

        // Act
        var path = NetworkLocator.Locate(null, environment);

        // Assert
        Assert.That(path, Is.EqualTo(CliNetwork.Sample.NetworkFile));
    }

    [Test]
    public void Locate_StateDirWithoutNetwork_ThrowsNamingThePath()
    {
        // Arrange
        var environment = new CliEnvironment(CliNetwork.Sample.Root, name => name == CliEnvironment.StateDirVariable ? "/nonexistent/state" : null);

        // Act
        var thrown = Assert.Throws<NetworkSetupException>(() => NetworkLocator.Locate(null, environment));

        // Assert
        Assert.That(thrown!.Message, Does.Contain("/nonexistent/state/.run/network.json").And.Contain("network.sh up"));
    }

    [Test]
    public void Locate_ExplicitFileRelativeToCurrentDirectory_Wins()
    {
        // Arrange
        var environment = new CliEnvironment(CliNetwork.Sample.RunDirectory, _ => "/ignored");

        // Act
        var path = NetworkLocator.Locate("network.json", environment);

        // Assert
        Assert.That(path, Is.EqualTo(CliNetwork.Sample.NetworkFile));
    }

    [Test]
    public void Locate_NothingAnywhere_ThrowsSayingWhatToDo()
    {
        // Arrange
        var environment = new CliEnvironment(Path.GetPathRoot(Path.GetTempPath())!, _ => null);

        // Act
        var thrown = Assert.Throws<NetworkSetupException>(() => NetworkLocator.Locate(null, environment));

        // Assert
        Assert.That(thrown!.Message, Does.Contain("scripts/network.sh up").And.Contain("--network"));
    }
}
