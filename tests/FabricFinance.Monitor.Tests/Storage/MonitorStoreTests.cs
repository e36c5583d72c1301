using FabricFinance.Bills;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Storage;
using FabricFinance.Monitor.Tests.Infrastructure;
using static FabricFinance.Monitor.Tests.Infrastructure.MarketScenario;

namespace FabricFinance.Monitor.Tests.Storage;

/// <summary>The store's contract, run on each provider (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>).</summary>
public abstract class MonitorStoreTests
{
    /// <summary>Opens a store on a fresh, empty database; calling it again with the same key reopens the same database.</summary>
    private protected abstract Task<SqlMonitorStore> OpenAsync(string database, CancellationToken cancellationToken);

    [Test]
    [CancelAfter(60_000)]
    public async Task ApplyBlock_Scenario_QueriesAnswerFromTheReadModel(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);

        // Act
        await Ingest.BlocksAsync(store, Blocks(), ct);
        var overview = await store.GetOverviewAsync(ct);
        var holderPage = await store.QueryBillsAsync(new BillQuery(Holder: "CoreCorp"), ct);
        var duePage = await store.QueryBillsAsync(new BillQuery(DueFrom: DueDate, DueTo: DueDate, Offset: 1, Limit: 1), ct);
        var splitPage = await store.QueryBillsAsync(new BillQuery(Status: BillStatus.Split), ct);
        var timeline = await store.GetBillTimelineAsync("B1-1", ct);
        var deals = await store.QueryDealsAsync(new DealQuery(BillId: "B1-1"), ct);
        var alerts = await store.GetAlertsAsync(0, 10, ct);
        var parties = await store.GetPartiesAsync(ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(overview.LastBlock, Is.EqualTo(8));
            Assert.That(overview.Parties, Is.EqualTo(6));
            Assert.That(overview.BillsByStatus, Is.EqualTo(new[] { new StatusCount(BillStatus.Active, 1), new StatusCount(BillStatus.InDeal, 1), new StatusCount(BillStatus.Split, 1) }));
            Assert.That(overview.Deals, Is.EqualTo(1));
            Assert.That(overview.Alerts, Is.EqualTo(1));
            Assert.That(holderPage.Bills.Select(b => b.Id), Is.EqualTo(new[] { "B1-1" }));
            Assert.That(holderPage.Total, Is.EqualTo(1));
            Assert.That(duePage.Bills.Select(b => b.Id), Is.EqualTo(new[] { "B1-1" }), "ordered by due date then id: B1, B1-1, B1-2");
            Assert.That(duePage.Total, Is.EqualTo(3));
            Assert.That(splitPage.Bills.Single().Id, Is.EqualTo("B1"));
            Assert.That(parties.Select(p => p.Id), Is.EqualTo(new[] { "BankA", "BankB", "CoreCorp", "Exchange", "Regulator", "SupplierA" }));
        });
        Assert.That(timeline, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(timeline!.Bill.Status, Is.EqualTo(BillStatus.InDeal));
            Assert.That(timeline.Bill.Trail, Has.Count.EqualTo(2));
            Assert.That(timeline.Activities.Select(a => (a.TransactionId, a.ValidationCode)), Is.EqualTo(new[]
            {
                ("tx-split", "Valid"), ("tx-d1", "Valid"), ("tx-d2", "MvccReadConflict"), ("tx-accept-d1", "Valid"),
            }));
            Assert.That(timeline.Deals.Single().Deal.Status, Is.EqualTo(DealStatus.Accepted));
            Assert.That(timeline.Deals.Single().Terms, Is.EqualTo(AcceptedTerms));
            Assert.That(timeline.Alerts.Single().TransactionId, Is.EqualTo("tx-d2"));
            Assert.That(deals.Single().Deal.Id, Is.EqualTo("D1"));
            Assert.That(alerts.Single(), Is.EqualTo(alerts[0] with { Sequence = 1, RuleId = "test-invalid", BillId = "B1-1", BlockNumber = 6, TransactionId = "tx-d2", Timestamp = Start.AddMinutes(6) }));
            Assert.That(alerts[0].Evidence, Is.EqualTo(new[] { "tx-d2" }));
        });
        Assert.That(await store.GetBillTimelineAsync("nope", ct), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ApplyBlock_NotTheNextBlock_ThrowsAndAppliesNothing(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks().Take(3), ct);
        var before = await store.ExportAsync(ct);

        // Act
        var gap = Changes(4, SyntheticBlocks.HeaderHash(3), SyntheticBlocks.HeaderHash(4), [BankAParty with { Name = "changed" }]);
        var repeat = Changes(2, SyntheticBlocks.HeaderHash(1), SyntheticBlocks.HeaderHash(2), [BankAParty with { Name = "changed" }]);

        // Assert
        Assert.That(() => store.ApplyBlockAsync(gap, ct), Throws.InvalidOperationException.With.Message.Contains("next is 3"));
        Assert.That(() => store.ApplyBlockAsync(repeat, ct), Throws.InvalidOperationException);
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(before));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ApplyBlock_NextBlockOfAnotherChain_ThrowsForeignChainAndLeavesTheCheckpoint(CancellationToken ct)
    {
        // Arrange: blocks 0–2 of the main chain, then block 3 of a recreated network's chain
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks().Take(3), ct);
        var before = await store.ExportAsync(ct);
        var foreignPrevious = SyntheticBlocks.HeaderHash(2, "recreated");
        var foreign = Changes(3, foreignPrevious, SyntheticBlocks.HeaderHash(3, "recreated"), [BankAParty with { Name = "changed" }]);
        var ours = Changes(3, SyntheticBlocks.HeaderHash(2), SyntheticBlocks.HeaderHash(3), [BankAParty with { Name = "changed" }]);

        // Act
        var thrown = Assert.ThrowsAsync<ForeignChainException>(() => store.ApplyBlockAsync(foreign, ct));

        // Assert
        var storedHex = Convert.ToHexStringLower(SyntheticBlocks.HeaderHash(2));
        var foreignHex = Convert.ToHexStringLower(foreignPrevious);
        Assert.Multiple(() =>
        {
            Assert.That(thrown.BlockNumber, Is.EqualTo(3));
            Assert.That(thrown.CheckpointBlock, Is.EqualTo(2));
            Assert.That(thrown.PreviousHash, Is.EqualTo(foreignHex));
            Assert.That(thrown.CheckpointHash, Is.EqualTo(storedHex));
            Assert.That(thrown.Message, Does.Contain("Block 3").And.Contain("block 2").And.Contain(foreignHex).And.Contain(storedHex));
            Assert.That(thrown.Message, Does.Contain("--rebuild").And.Contain("Monitor:DataDirectory"));
        });
        Assert.That(await store.GetCheckpointAsync(ct), Is.EqualTo(2));
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(before));
        await store.ApplyBlockAsync(ours, ct);
        Assert.That(await store.GetCheckpointAsync(ct), Is.EqualTo(3), "the block of the read model's own chain still applies");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ApplyBlock_NoHeaderHash_ThrowsNamingTheChanges(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        var changes = BlockChanges.Empty(0, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);

        // Act & Assert
        Assert.That(
            () => store.ApplyBlockAsync(changes, ct),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("changes").And.Message.Contains("header hash"));
        Assert.That(await store.GetCheckpointAsync(ct), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Reset_ThenBlocksOfAnotherChain_AreFollowedFromBlockZero(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks(), ct);

        // Act
        await store.ResetAsync(ct);
        await Ingest.BlocksAsync(store, Blocks().Take(4).Select(b => SyntheticBlocks.OnChain("recreated", b)), ct);

        // Assert
        using var document = System.Text.Json.JsonDocument.Parse(await store.ExportAsync(ct));
        Assert.That(await store.GetCheckpointAsync(ct), Is.EqualTo(3));
        Assert.That(
            document.RootElement.GetProperty("lastBlockHash").GetString(),
            Is.EqualTo(Convert.ToHexStringLower(SyntheticBlocks.HeaderHash(3, "recreated"))));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ApplyBlock_FailingHalfway_LeavesTheReadModelAndCheckpointAsTheyWere(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks().Take(3), ct);
        var before = await store.ExportAsync(ct);
        var activity = new BillActivity(
            "B9", 3, 0, "tx", Start, Today, "IssueBill", null, new Submitter(BankA, "CN=x", null), "Valid", IssuedB1 with { Id = "B9" }, null, null);

        // Act: the second activity repeats the first one's key, so the insert fails after the bill was written
        var changes = new BlockChanges(
            3, SyntheticBlocks.HeaderHash(2), SyntheticBlocks.HeaderHash(3), [], [IssuedB1 with { Id = "B9" }], [], [], [activity, activity], []);

        // Assert
        Assert.That(() => store.ApplyBlockAsync(changes, ct), Throws.Exception);
        Assert.That(await store.GetCheckpointAsync(ct), Is.EqualTo(2));
        Assert.That(await store.GetBillAsync("B9", ct), Is.Null);
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(before));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_ReopenedAfterSomeBlocks_ResumesWithoutGapOrDuplicate(CancellationToken ct)
    {
        // Arrange
        var blocks = Blocks();
        using (var first = await OpenAsync("live", ct))
        {
            await Ingest.BlocksAsync(first, blocks.Take(6), ct);
        }

        using var all = await OpenAsync("all", ct);
        await Ingest.BlocksAsync(all, blocks, ct);

        // Act: the restarted monitor is offered everything again, as a peer might after a reconnect
        using var reopened = await OpenAsync("live", ct);
        var checkpoint = await reopened.GetCheckpointAsync(ct);
        var ingestor = Ingest.Ingestor(reopened);
        var applied = new List<bool>();
        foreach (var block in blocks)
        {
            applied.Add(await ingestor.IngestAsync(block, ct));
        }

        // Assert
        Assert.That(checkpoint, Is.EqualTo(5));
        Assert.That(applied, Is.EqualTo(new[] { false, false, false, false, false, false, true, true, true }));
        Assert.That(await reopened.ExportAsync(ct), Is.EqualTo(await all.ExportAsync(ct)));
        Assert.That(
            async () => await ingestor.IngestAsync(SyntheticBlocks.ConfigBlock(10), ct),
            Throws.InvalidOperationException.With.Message.Contains("expects block 9"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Reset_AfterBlocks_EmptiesTheReadModelAndRebuildGivesTheSameExport(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks(), ct);
        var live = await store.ExportAsync(ct);

        // Act
        await store.ResetAsync(ct);
        var emptied = await store.GetOverviewAsync(ct);
        await Ingest.BlocksAsync(store, Blocks(), ct);

        // Assert
        Assert.That(emptied, Is.EqualTo(emptied with { LastBlock = null, Parties = 0, Deals = 0, Alerts = 0 }));
        Assert.That(emptied.BillsByStatus, Is.Empty);
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(live));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Export_Scenario_IsOrderedJsonOfEveryTable(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);
        await Ingest.BlocksAsync(store, Blocks(), ct);

        // Act
        var export = await store.ExportAsync(ct);

        // Assert
        using var document = System.Text.Json.JsonDocument.Parse(export);
        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("lastBlock").GetInt64(), Is.EqualTo(8));
            Assert.That(root.GetProperty("lastBlockHash").GetString(), Is.EqualTo(Convert.ToHexStringLower(SyntheticBlocks.HeaderHash(8))));
            Assert.That(root.GetProperty("bills").EnumerateArray().Select(b => b.GetProperty("id").GetString()), Is.EqualTo(new[] { "B1", "B1-1", "B1-2" }));
            Assert.That(root.GetProperty("deals").GetArrayLength(), Is.EqualTo(1));
            Assert.That(root.GetProperty("pricing").EnumerateArray().Single().GetProperty("rateBps").GetInt32(), Is.EqualTo(250));
            Assert.That(root.GetProperty("activities").GetArrayLength(), Is.EqualTo(8));
            Assert.That(root.GetProperty("alerts").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task QueryBills_LimitOutOfRange_ThrowsNamingTheLimit(CancellationToken ct)
    {
        // Arrange
        using var store = await OpenAsync("a", ct);

        // Act & Assert
        Assert.That(
            () => store.QueryBillsAsync(new BillQuery(Limit: 0), ct),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("query.Limit"));
        Assert.That(() => store.GetAlertsAsync(0, 501, ct), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static BlockChanges Changes(long number, byte[] previousHash, byte[] headerHash, IReadOnlyList<Party> parties) =>
        new(number, previousHash, headerHash, parties, [], [], [], [], []);
}
