using System.Text.Json.Nodes;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client.Tests.Infrastructure;
using Grpc.Net.Client;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>How fabfin reaches a peer and loads an identity's credentials, and what it says when it cannot.</summary>
public sealed class ConnectionTests
{
    [Test]
    public void GrpcPeerConnector_PeerWithTlsCa_OpensATlsChannelWithoutCallingIt()
    {
        // Arrange
        var profile = NetworkProfile.Load(CliNetwork.Sample.NetworkFile);
        var peer = profile.Peers.First(p => p.MspId == "BankAMSP");

        // Act
        var connection = new GrpcPeerConnector().Connect(peer);

        // Assert
        using var channel = connection.Owner as GrpcChannel;
        Assert.Multiple(() =>
        {
            Assert.That(channel, Is.Not.Null);
            Assert.That(channel!.Target, Is.EqualTo("127.0.0.1:9051"));
            Assert.That(connection.Invoker, Is.Not.Null);
        });
    }

    [Test]
    public void GrpcPeerConnector_MissingTlsCa_ThrowsNetworkSetup()
    {
        // Arrange
        var peer = new PeerProfile("peer0.x", "XMSP", "127.0.0.1:1", "/nonexistent/ca.pem");

        // Act
        var thrown = Assert.Throws<NetworkSetupException>(() => new GrpcPeerConnector().Connect(peer));

        // Assert
        Assert.That(thrown!.Message, Does.Contain("/nonexistent/ca.pem").And.Contain("peer0.x"));
    }

    [TestCase("missing")]
    [TestCase("garbage")]
    [CancelAfter(10_000)]
    public async Task Command_UnusableKeyFile_ExitsThreeNamingTheIdentity(string problem)
    {
        // Arrange: a copy of network.json whose CoreCorp key is missing or not a key.
        var json = JsonNode.Parse(File.ReadAllText(CliNetwork.Sample.NetworkFile))!;
        var user3 = json["orgs"]!.AsArray().Single(o => (string?)o!["mspId"] == "BankAMSP")!["users"]!["User3"]!;
        var keyFile = Path.Combine(CliNetwork.Sample.Root, $"bad-key-{problem}.pem");
        if (problem == "garbage")
        {
            await File.WriteAllTextAsync(keyFile, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        }

        user3["key"] = keyFile;
        var networkFile = Path.Combine(CliNetwork.Sample.Root, $"network-{problem}.json");
        await File.WriteAllTextAsync(networkFile, json.ToJsonString());
        using var host = new CliHost(CliNetwork.Sample);

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "CoreCorp", "--network", networkFile);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(host.ErrorText, Does.Contain("CoreCorp"));
            Assert.That(host.Peers.Connected, Is.Empty);
        });
    }

    [TestCase(1L, "0.01 CNY")]
    [TestCase(10_000_000L, "100,000.00 CNY")]
    [TestCase(10_000_000_000_000L, "100,000,000,000.00 CNY")]
    [TestCase(123_456_789L, "1,234,567.89 CNY")]
    public void Money_Fen_ShowsYuanWithTwoDecimals(long fen, string expected)
    {
        // Act / Assert
        Assert.That(Money.Yuan(fen), Is.EqualTo(expected));
    }
}
