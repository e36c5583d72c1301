using System.Text;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The C# chaincode serves any conforming client, not only ours: Fabric's own <c>peer</c> CLI (the Go
/// SDK underneath) invokes and queries it, and the two clients see each other's writes.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class InteroperabilityTests
{
    [Test]
    public async Task PeerCli_InvokeThenQuery_CSharpChaincodeAnswersFabricsOwnClient(CancellationToken cancellationToken)
    {
        // Arrange
        var profile = FabricNetwork.Profile;
        var id = Ids.New("cli");
        var args = $"{{\"Args\":[\"CreateAsset\",\"{id}\",\"Kim\",\"77\"]}}";
        var exchange = profile.PeerOf(FabricNetwork.Exchange);
        var bank = profile.PeerOf(FabricNetwork.BankA);

        // Act
        await PeerCli.RunAsync(FabricNetwork.Exchange, "User1",
        [
            "chaincode", "invoke", "-o", profile.Orderer.Address, "--tls", "--cafile", profile.Orderer.TlsCaCert,
            "-C", profile.Channel, "-n", FabricNetwork.ChaincodeName, "-c", args, "--waitForEvent",
            "--peerAddresses", exchange.Address, "--tlsRootCertFiles", exchange.TlsCaCert,
            "--peerAddresses", bank.Address, "--tlsRootCertFiles", bank.TlsCaCert,
        ], cancellationToken);
        var queried = await PeerCli.RunAsync(FabricNetwork.Exchange, "User1",
            ["chaincode", "query", "-C", profile.Channel, "-n", FabricNetwork.ChaincodeName, "-c", $"{{\"Args\":[\"ReadAsset\",\"{id}\"]}}"],
            cancellationToken);
        using var connection = FabricNetwork.Connect(FabricNetwork.Exchange);
        var readByOurClient = Encoding.UTF8.GetString(await connection.Assets.EvaluateTransactionAsync("ReadAsset", [id], cancellationToken));

        // Assert
        var expected = $"{{\"id\":\"{id}\",\"owner\":\"Kim\",\"value\":77}}";
        Assert.That(queried.Trim(), Is.EqualTo(expected));
        Assert.That(readByOurClient, Is.EqualTo(expected));
    }

    [Test]
    public async Task PeerCli_QueryOfWhatOurClientWrote_SeesTheWrite(CancellationToken cancellationToken)
    {
        // Arrange
        var profile = FabricNetwork.Profile;
        var id = Ids.New("cli-read");
        using var connection = FabricNetwork.Connect(FabricNetwork.BankA);
        await connection.Assets.SubmitTransactionAsync("CreateAsset", [id, "Lee", "8"], cancellationToken);

        // Act
        var queried = await PeerCli.RunAsync(FabricNetwork.BankA, "User2",
            ["chaincode", "query", "-C", profile.Channel, "-n", FabricNetwork.ChaincodeName, "-c", $"{{\"Args\":[\"ReadAsset\",\"{id}\"]}}"],
            cancellationToken);

        // Assert
        Assert.That(queried.Trim(), Is.EqualTo($"{{\"id\":\"{id}\",\"owner\":\"Lee\",\"value\":8}}"));
    }
}
