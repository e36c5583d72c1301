using System.Text.Json;
using FabricFinance.Bills.Client.Tests.Infrastructure;
using FabricFinance.Client;
using FabricFinance.Client.Events;

namespace FabricFinance.Bills.Client.Tests;

/// <summary>The contract's chaincode events come out as typed events, filtered by bill, deal or party on request.</summary>
public sealed class BillMarketClientEventTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_EveryKind_DecodesTypedEvents()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(3, ("tx-init", BillEvents.LedgerInitialized, Samples.Config()), ("tx-party", BillEvents.PartyRegistered, Samples.Party()));
        market.Fake.AddEvents(5, ("tx-issue", BillEvents.BillIssued, Samples.Bill(status: BillStatus.PendingAcceptance)));
        market.Fake.AddEvents(6, ("tx-deal", BillEvents.DealRequested, Samples.Deal()), ("tx-new", "BillRecoursed", """{"id":"B1"}"""));

        // Act
        var events = await market.Market.GetEventsAsync(new ChaincodeEventsOptions { StartBlock = 0 }).ToListAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.GetType()), Is.EqualTo(new[]
            {
                typeof(LedgerInitializedEvent), typeof(PartyEvent), typeof(BillEvent), typeof(DealEvent), typeof(UnknownBillMarketEvent),
            }));
            Assert.That(events.Select(e => e.BlockNumber), Is.EqualTo(new ulong[] { 3, 3, 5, 6, 6 }));
            Assert.That(events.Select(e => e.TransactionId), Is.EqualTo(new[] { "tx-init", "tx-party", "tx-issue", "tx-deal", "tx-new" }));
            Assert.That(events.Select(e => e.EventName), Is.EqualTo(new[] { "LedgerInitialized", "PartyRegistered", "BillIssued", "DealRequested", "BillRecoursed" }));
            Assert.That(((LedgerInitializedEvent)events[0]).Config, Is.EqualTo(Samples.Config()));
            Assert.That(((PartyEvent)events[1]).Party, Is.EqualTo(Samples.Party()));
            Assert.That(((BillEvent)events[2]).Bill.Status, Is.EqualTo(BillStatus.PendingAcceptance));
            Assert.That(((DealEvent)events[3]).Deal.Id, Is.EqualTo("D1"));
            Assert.That(((UnknownBillMarketEvent)events[4]).Payload.ToArray(), Is.EqualTo("""{"id":"B1"}"""u8.ToArray()));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_StartBlock_AsksTheGatewayForBillsEventsFromThere()
    {
        // Arrange
        using var market = new TestMarket();

        // Act
        await market.Market.GetEventsAsync(new ChaincodeEventsOptions { StartBlock = 12 }).ToListAsync();

        // Assert
        var request = market.Fake.EventRequests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.ChaincodeId, Is.EqualTo("bills"));
            Assert.That(request.ChannelId, Is.EqualTo("fabfin"));
            Assert.That(request.StartPosition.Specified.Number, Is.EqualTo(12UL));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void GetEventsAsync_KnownEventWithForeignPayload_ThrowsJsonException()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(4, ("tx-bad", BillEvents.BillPaid, """{"not":"a bill"}"""));

        // Act
        var thrown = Assert.CatchAsync<JsonException>(async () => await market.Market.GetEventsAsync(new ChaincodeEventsOptions { StartBlock = 0 }).ToListAsync());

        // Assert
        Assert.That(thrown!.Message, Does.Contain("BillPaid").And.Contain("tx-bad").And.Contain("block 4"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBillEventsAsync_BillId_YieldsTheBillItsSubBillsAndTheirDealsOnly()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(
            5,
            ("t1", BillEvents.BillIssued, Samples.Bill("B1")),
            ("t2", BillEvents.BillIssued, Samples.Bill("B10")),
            ("t3", BillEvents.BillEndorsed, Samples.Bill("B1.1")),
            ("t4", BillEvents.DealRequested, Samples.Deal("D7", billId: "B1.2.1")),
            ("t5", BillEvents.DealRequested, Samples.Deal("D8", billId: "B2")),
            ("t6", BillEvents.PartyRegistered, Samples.Party()));

        // Act
        var events = await market.Market.GetBillEventsAsync("B1", new ChaincodeEventsOptions { StartBlock = 0 }).ToListAsync();

        // Assert
        Assert.That(events.Select(e => e.TransactionId), Is.EqualTo(new[] { "t1", "t3", "t4" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetDealEventsAsync_DealId_YieldsThatDealsEvents()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(
            8,
            ("t1", BillEvents.DealRequested, Samples.Deal("D1")),
            ("t2", BillEvents.DealRequested, Samples.Deal("D2")),
            ("t3", BillEvents.DealAccepted, Samples.Deal("D1", DealStatus.Accepted)),
            ("t4", BillEvents.BillIssued, Samples.Bill()));

        // Act
        var events = await market.Market.GetDealEventsAsync("D1", new ChaincodeEventsOptions { StartBlock = 0 }).ToListAsync();

        // Assert
        Assert.That(events.Select(e => (e.TransactionId, e.Deal.Status)), Is.EqualTo(new[] { ("t1", DealStatus.Requested), ("t3", DealStatus.Accepted) }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetPartyEventsAsync_PartyId_YieldsItsRecordBillsAndDeals()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(
            9,
            ("t1", BillEvents.PartyRegistered, Samples.Party("SupplierB")),
            ("t2", BillEvents.BillEndorsed, Samples.Bill(holder: "SupplierB")),
            ("t3", BillEvents.BillIssued, Samples.Bill("B2")),
            ("t4", BillEvents.DealRequested, Samples.Deal() with { Seller = "SupplierB" }),
            ("t5", BillEvents.PartyRegistered, Samples.Party("CoreCorp")));

        // Act
        var events = await market.Market.GetPartyEventsAsync("SupplierB", new ChaincodeEventsOptions { StartBlock = 0 }).ToListAsync();

        // Assert
        Assert.That(events.Select(e => e.TransactionId), Is.EqualTo(new[] { "t1", "t2", "t4" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CheckpointAsync_ProcessedEvent_NextStreamResumesAfterIt()
    {
        // Arrange
        using var market = new TestMarket();
        market.Fake.AddEvents(5, ("tx-a", BillEvents.BillIssued, Samples.Bill()), ("tx-b", BillEvents.BillAccepted, Samples.Bill()));
        var checkpointer = new InMemoryCheckpointer();
        var first = await market.Market.GetEventsAsync(new ChaincodeEventsOptions { StartBlock = 0, Checkpoint = checkpointer }).FirstAsync();

        // Act
        await first.CheckpointAsync(checkpointer);
        await market.Market.GetEventsAsync(new ChaincodeEventsOptions { Checkpoint = checkpointer }).ToListAsync();

        // Assert
        var resumed = market.Fake.EventRequests.Last();
        Assert.Multiple(() =>
        {
            Assert.That(checkpointer.BlockNumber, Is.EqualTo(5UL));
            Assert.That(checkpointer.TransactionId, Is.EqualTo("tx-a"));
            Assert.That(resumed.StartPosition.Specified.Number, Is.EqualTo(5UL));
            Assert.That(resumed.AfterTransactionId, Is.EqualTo("tx-a"));
        });
    }
}
