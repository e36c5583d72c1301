using System.Text.Json;
using FabricFinance.IntegrationTests.Infrastructure;
using FabricFinance.Tests.Packaging;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The NuGet packages as a user gets them: packed, restored from a local folder feed into a fresh
/// console app, and that app evaluating a transaction on the real network.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(900_000)]
public sealed class PackagedClientTests
{
    [Test]
    public async Task PackagedClient_FreshAppFromLocalFeed_EvaluatesOnTheNetwork(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("packaged");
        await exchange.Assets.SubmitTransactionAsync("CreateAsset", [id, "Nuget", "5"], cancellationToken);
        using var sample = await PackagedSample.PackAsync("it", cancellationToken);
        var build = await sample.BuildAppAsync(cancellationToken);
        Assert.That(build.ExitCode, Is.Zero, $"dotnet build of the sample failed:\n{build.Output}");
        var networkJson = Path.Combine(Repository.NetworkState, ".run", "network.json");

        // Act
        var run = await sample.RunAppAsync([networkJson, FabricNetwork.ChaincodeName, "ReadAsset", id], cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("ReadAsset -> ", StringComparison.Ordinal));
        var asset = JsonDocument.Parse(line["ReadAsset -> ".Length..]).RootElement;
        Assert.That(asset.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(asset.GetProperty("owner").GetString(), Is.EqualTo("Nuget"));
        Assert.That(Directory.Exists(Path.Combine(sample.Work.FullName, "packages", "fabricfinance.client", sample.Version)), Is.True);
    }
}
