using FabricFinance.Bills;
using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static FabricFinance.Monitor.Tests.Infrastructure.MarketScenario;

namespace FabricFinance.Monitor.Tests.Ingestion;

public sealed class BlockProjectorTests
{
    private TempSqlite _file = null!;

    [SetUp]
    public void CreateFile() => _file = new TempSqlite();

    [TearDown]
    public void DeleteFile() => _file.Dispose();

    [TestCase(0, TestName = "Project_ConfigBlock_ChangesCarryTheBlocksHashes")]
    [TestCase(1, TestName = "Project_BillBlock_ChangesCarryTheBlocksHashes")]
    [CancelAfter(60_000)]
    public async Task Project_Block_ChangesCarryTheBlocksHashes(int number, CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();
        await Ingest.BlocksAsync(store, Blocks().Take(number), ct);
        var decoded = new BlockDecoder("bills").Decode(Blocks()[number]);
        var projector = new BlockProjector(store, TestRules.Engine(new TestRules.FlagInvalid()));

        // Act
        var changes = await projector.ProjectAsync(decoded, ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(changes.BlockNumber, Is.EqualTo(number));
            Assert.That(changes.PreviousHash.ToArray(), Is.EqualTo(decoded.PreviousHash.ToArray()));
            Assert.That(changes.HeaderHash.ToArray(), Is.EqualTo(SyntheticBlocks.HeaderHash((ulong)number)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_Split_GivesOneActivityPerBillWithTheBillAsLeft(CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();

        // Act
        await Ingest.BlocksAsync(store, Blocks().Take(6), ct);
        var parent = await store.GetBillActivitiesAsync("B1", ct);
        var part = await store.GetBillActivitiesAsync("B1-2", ct);

        // Assert
        Assert.That(parent.Select(a => a.Function), Is.EqualTo(new[] { "IssueBill", "AcceptBill", "EndorseBill" }));
        Assert.Multiple(() =>
        {
            Assert.That(parent[^1].Bill!.Status, Is.EqualTo(BillStatus.Split));
            Assert.That(parent[^1].EventName, Is.EqualTo(BillEvents.BillEndorsed));
            Assert.That(parent[^1].BusinessDay, Is.EqualTo(Today));
            Assert.That(part.Single().TransactionId, Is.EqualTo("tx-split"));
            Assert.That(part.Single().Bill!.Amount, Is.EqualTo(600_000));
            Assert.That(part.Single().Deal, Is.Null);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_InvalidDoubleSale_GivesAnActivityWithoutStateAndChangesNothing(CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();

        // Act
        await Ingest.BlocksAsync(store, Blocks().Take(7), ct);
        var activities = await store.GetBillActivitiesAsync("B1-1", ct);
        var bill = await store.GetBillAsync("B1-1", ct);

        // Assert
        var invalid = activities.Single(a => a.TransactionId == "tx-d2");
        Assert.Multiple(() =>
        {
            Assert.That(invalid.ValidationCode, Is.EqualTo("MvccReadConflict"));
            Assert.That(invalid.IsValid, Is.False);
            Assert.That(invalid.Bill, Is.Null);
            Assert.That(invalid.Deal, Is.Null);
            Assert.That(invalid.EventName, Is.Null);
            Assert.That(invalid.TransactionIndex, Is.EqualTo(1));
            Assert.That(invalid.Creator, Is.EqualTo(new Submitter(BankB, BankBUser.Subject, "BankB")));
            Assert.That(bill!.DealId, Is.EqualTo("D1"), "the invalid sale's write is not applied");
        });
        Assert.That(await store.GetDealAsync("D2", ct), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_Creators_ResolveToTheirSubjectsPartyElseTheOrganizationsParty(CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();

        // Act
        await Ingest.BlocksAsync(store, Blocks(), ct);
        var b1 = await store.GetBillActivitiesAsync("B1", ct);
        var b11 = await store.GetBillActivitiesAsync("B1-1", ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(b1[0].Creator, Is.EqualTo(new Submitter(BankA, CoreCorpUser.Subject, "CoreCorp")), "an enterprise: its exact subject");
            Assert.That(b1[1].Creator.PartyId, Is.EqualTo("BankA"), "an institution's user: the organization's party");
            Assert.That(b1[2].Creator.PartyId, Is.EqualTo("SupplierA"));
            Assert.That(b11[^1].Creator.PartyId, Is.EqualTo("BankA"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_DealWithPrivateTerms_KeepsLatestTermsAndPricesTheRequestOnce(CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();

        // Act
        await Ingest.BlocksAsync(store, Blocks(), ct);
        var deal = await store.GetDealAsync("D1", ct);
        var pricing = await store.GetPricingOnAsync(Today, ct);
        var activities = await store.GetBillActivitiesAsync("B1-1", ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(deal!.Deal.Status, Is.EqualTo(DealStatus.Accepted));
            Assert.That(deal.Terms, Is.EqualTo(AcceptedTerms));
            Assert.That((deal.FirstBlock, deal.FirstTransactionIndex), Is.EqualTo((6L, 0)));
            Assert.That(pricing, Is.EqualTo(new[] { new DealPricing("D1", "B1-1", DealKind.Discount, Today, 250, 6, 0) }));
            Assert.That(activities.Single(a => a.TransactionId == "tx-d1").Terms, Is.EqualTo(ProposedTerms));
            Assert.That(activities.Single(a => a.TransactionId == "tx-accept-d1").Deal!.Status, Is.EqualTo(DealStatus.Accepted), "a deal-only transaction is on its bill's timeline");
            Assert.That(activities.Single(a => a.TransactionId == "tx-accept-d1").Bill!.Id, Is.EqualTo("B1-1"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_RuleFindings_AreNumberedInLedgerOrderAndSeeTheReadModelIncludingTheActivity(CancellationToken ct)
    {
        // Arrange
        using var store = _file.Open();
        var engine = TestRules.Engine(new TestRules.FlagEvery(), new TestRules.FlagInvalid());

        // Act
        await Ingest.BlocksAsync(store, Blocks(), ct, engine);
        var alerts = await store.GetAlertsAsync(0, 500, ct);

        // Assert
        Assert.That(alerts.Select(a => a.Sequence), Is.EqualTo(Enumerable.Range(1, alerts.Count).Select(i => (long)i)));
        Assert.That(alerts.Select(a => (a.BlockNumber, a.TransactionId, a.BillId, a.RuleId)), Is.EqualTo(new[]
        {
            (3L, "tx-issue", "B1", "test-every"),
            (4L, "tx-accept", "B1", "test-every"),
            (5L, "tx-split", "B1", "test-every"),
            (5L, "tx-split", "B1-1", "test-every"),
            (5L, "tx-split", "B1-2", "test-every"),
            (6L, "tx-d1", "B1-1", "test-every"),
            (6L, "tx-d2", "B1-1", "test-every"),
            (6L, "tx-d2", "B1-1", "test-invalid"),
            (7L, "tx-accept-d1", "B1-1", "test-every"),
        }));
        var doubleSale = alerts[6];
        Assert.Multiple(() =>
        {
            Assert.That(doubleSale.Summary, Is.EqualTo("RequestDiscount: 3 activities, last tx-d2; 1 priced deals"), "the context shows this block's earlier activity and pricing");
            Assert.That(doubleSale.Evidence, Is.EqualTo(new[] { "tx-split", "tx-d1", "tx-d2" }));
            Assert.That(doubleSale.Timestamp, Is.EqualTo(Start.AddMinutes(6)));
            Assert.That(doubleSale.Severity, Is.EqualTo(AlertSeverity.Notice));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Ingest_TheRealRules_RunOnTheScenarioAndRebuildRaisesTheSameAlerts(CancellationToken ct)
    {
        // Arrange
        using var live = _file.Open();
        using var rebuiltFile = new TempSqlite();
        using var rebuilt = rebuiltFile.Open();
        var services = new ServiceCollection()
            .AddLogging()
            .AddAlertRules(new ConfigurationBuilder().Build().GetSection(AlertRulesServiceCollectionExtensions.SectionName));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<AlertEngine>();

        // Act
        foreach (var block in Blocks())
        {
            await Ingest.Ingestor(live, engine).IngestAsync(block, ct);
        }

        await Ingest.BlocksAsync(rebuilt, Blocks(), ct, engine);

        // Assert
        Assert.That(await rebuilt.ExportAsync(ct), Is.EqualTo(await live.ExportAsync(ct)));
    }
}
