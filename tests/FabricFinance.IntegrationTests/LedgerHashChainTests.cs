using FabricFinance.Client.Ledger;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// Fabric links each block to the one before by the hash of its header. Reading the channel's whole chain from a real
/// peer proves that <see cref="LedgerBlock.ComputeHeaderHash"/> encodes and hashes headers exactly as Fabric does.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(300_000)]
public sealed class LedgerHashChainTests
{
    [Test]
    public async Task GetBlockByNumber_EveryBlockOfTheChannel_PreviousHashIsTheHeaderHashOfTheBlockBefore(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var ledger = exchange.Network.GetLedger();
        var info = await ledger.GetChainInfoAsync(cancellationToken);
        Assert.That(info.Height, Is.GreaterThan(1UL), "the network fixture committed blocks after the genesis block");

        // Act
        var blocks = new List<LedgerBlock>();
        for (var number = 0UL; number < info.Height; number++)
        {
            blocks.Add(await ledger.GetBlockByNumberAsync(number, cancellationToken));
        }

        // Assert
        Assert.That(blocks[0].PreviousHash.IsEmpty, Is.True, "the genesis block has no previous block");
        var linked = 0;
        for (var k = 0; k + 1 < blocks.Count; k++)
        {
            var computed = LedgerBlock.ComputeHeaderHash(blocks[k].Block.Header);
            Assert.That(computed, Has.Length.EqualTo(32));
            Assert.That(blocks[k].HeaderHash.ToArray(), Is.EqualTo(computed));
            Assert.That(
                blocks[k + 1].PreviousHash.ToArray(),
                Is.EqualTo(computed),
                $"block {k + 1}'s previous hash is the header hash of block {k}");
            linked++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(info.CurrentBlockHash.ToArray(), Is.EqualTo(blocks[^1].HeaderHash.ToArray()), "qscc's current block hash");
            Assert.That(info.PreviousBlockHash.ToArray(), Is.EqualTo(blocks[^2].HeaderHash.ToArray()), "qscc's previous block hash");
        });
        await TestContext.Out.WriteLineAsync($"hash chain: {linked} link(s) verified over blocks 0–{blocks.Count - 1}");
    }

    [Test]
    public async Task GetBlockByHash_ComputedHeaderHash_FindsTheBlock(CancellationToken cancellationToken)
    {
        // Arrange
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var ledger = regulator.Network.GetLedger();
        var height = (await ledger.GetChainInfoAsync(cancellationToken)).Height;
        var middle = await ledger.GetBlockByNumberAsync(height / 2, cancellationToken);

        // Act
        var found = await ledger.GetBlockByHashAsync(LedgerBlock.ComputeHeaderHash(middle.Block.Header), cancellationToken);

        // Assert
        Assert.That(found.Number, Is.EqualTo(middle.Number));
    }
}
