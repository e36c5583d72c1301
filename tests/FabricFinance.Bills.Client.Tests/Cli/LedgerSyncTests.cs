using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Client.Tests.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>After a transaction, fabfin waits until every peer has its block, so the next command sees it anywhere.</summary>
public sealed class LedgerSyncTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_APeerBehind_WaitsUntilEveryPeerHasTheBlock()
    {
        // Arrange: the transaction commits in block 7; BankB's peer reaches height 8 only on its third read.
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill()) with { BlockNumber = 7 };
        host.Heights.Height = (peer, read) => peer.Name == "peer0.bankb.example.com" && read < 3 ? 7UL : 8UL;

        // Act
        var result = await host.RunAsync("bill", "accept", "B1", "--as", "BankA");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Heights.Reads.Count(n => n == "peer0.bankb.example.com"), Is.EqualTo(3));
            Assert.That(host.Heights.Reads.Distinct(), Is.EquivalentTo(new[]
            {
                "peer0.exchange.example.com", "peer0.banka.example.com", "peer0.bankb.example.com", "peer0.regulator.example.com",
            }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_NoWait_DoesNotReadHeights()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());
        host.Heights.Height = (_, _) => 0;

        // Act
        var result = await host.RunAsync("bill", "accept", "B1", "--as", "BankA", "--no-wait");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Heights.Reads, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Query_NothingCommitted_DoesNotWait()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());
        host.Heights.Height = (_, _) => 0;

        // Act
        var result = await host.RunAsync("bill", "get", "B1", "--as", "BankA");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Heights.Reads, Is.Empty);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Submit_HeightsUnreadable_SkipsThePeers()
    {
        // Arrange
        using var host = new CliHost(CliNetwork.Sample);
        host.Gateway.Handler = _ => FakeOutcome.Ok(Samples.Bill());

        // Act
        var result = await host.RunAsync("bill", "accept", "B1", "--as", "BankA");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, host.ErrorText);
            Assert.That(host.Heights.Reads, Has.Count.EqualTo(4), "one read per peer, then skipped");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task OperationsPeerHeights_NoEndpoint_ReturnsNull()
    {
        // Arrange
        using var heights = new OperationsPeerHeights();
        var withoutOperations = new PeerProfile("peer0", "XMSP", "127.0.0.1:1", "ca.pem");

        // Act
        var height = await heights.GetHeightAsync(withoutOperations, "fabfin", CancellationToken.None);

        // Assert
        Assert.That(height, Is.Null);
    }

    [TestCase("ledger_blockchain_height{channel=\"fabfin\"} 12\n", "fabfin", 12UL)]
    [TestCase("# TYPE ledger_blockchain_height gauge\nledger_blockchain_height{channel=\"other\"} 3\nledger_blockchain_height{channel=\"fabfin\"} 1.234e+06\n", "fabfin", 1_234_000UL)]
    [TestCase("ledger_blockchain_height{channel=\"other\"} 3\n", "fabfin", null)]
    public void ParseHeight_Metrics_FindsTheChannelsHeight(string metrics, string channel, ulong? expected)
    {
        // Act / Assert
        Assert.That(OperationsPeerHeights.ParseHeight(metrics, channel), Is.EqualTo(expected));
    }
}
