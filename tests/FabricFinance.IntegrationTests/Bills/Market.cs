using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// The cast of the bill market on the real network, each member with its own identity: the
/// exchange's admin (for InitLedger) and client, the two banks' clients, the regulator, and the
/// enterprises of network.config's PARTIES (bank client users). All share one <see cref="MarketClock"/>.
/// <see cref="Watcher"/> keeps the system clock for event streams.
/// </summary>
internal sealed class Market : IDisposable
{
    public const string ExchangeId = "Exchange";
    public const string RegulatorId = "Regulator";
    public const string BankAId = "BankA";
    public const string BankBId = "BankB";

    private static int _sequence;

    public Market()
    {
        ExchangeAdmin = new MarketMember("ExchangeAdmin", FabricNetwork.Exchange, "Admin", Clock);
        Exchange = new MarketMember(ExchangeId, FabricNetwork.Exchange, "User1", Clock);

        // The regulator's org may not approve chaincode definitions (its transactions are refused
        // by the orderer), so its peer runs no chaincode: its clients evaluate on the exchange's peer.
        Regulator = new MarketMember(RegulatorId, FabricNetwork.Regulator, "User1", Clock, peerMspId: FabricNetwork.Exchange);
        BankA = new MarketMember(BankAId, FabricNetwork.BankA, "User1", Clock);
        BankB = new MarketMember(BankBId, FabricNetwork.BankB, "User1", Clock);
        CoreCorp = Party("CoreCorp");
        SupplierA = Party("SupplierA");
        SupplierB = Party("SupplierB");
        Watcher = new MarketMember("Watcher", FabricNetwork.Exchange, "User2", TimeProvider.System);
    }

    /// <summary>Gets a token unique to this test run, so ids never collide on a reused network.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public MarketClock Clock { get; } = new();

    public MarketMember ExchangeAdmin { get; }

    public MarketMember Exchange { get; }

    public MarketMember Regulator { get; }

    public MarketMember BankA { get; }

    public MarketMember BankB { get; }

    public MarketMember CoreCorp { get; }

    public MarketMember SupplierA { get; }

    public MarketMember SupplierB { get; }

    /// <summary>Gets an exchange client on the system clock, for event streams.</summary>
    public MarketMember Watcher { get; }

    public IEnumerable<MarketMember> Institutions => [BankA, BankB];

    public IEnumerable<MarketMember> Enterprises => [CoreCorp, SupplierA, SupplierB];

    /// <summary>A fresh bill or deal id: <c>{prefix}-{run}-{n}</c>.</summary>
    public static string NewId(string prefix) => $"{prefix}-{RunId}-{Interlocked.Increment(ref _sequence)}";

    /// <summary>
    /// Awaits a submit and then waits until every peer has its block, so that the next step,
    /// endorsed on other orgs' peers, sees it (FABRIC-NOTES.md, "Clients").
    /// </summary>
    public static async Task<Committed<T>> Step<T>(Task<Committed<T>> submit, CancellationToken cancellationToken)
    {
        var committed = await submit;
        await LedgerSync.WaitForBlockAsync(committed.BlockNumber, cancellationToken);
        return committed;
    }

    /// <summary>Issues a transferable bank bill from CoreCorp to SupplierA, accepted by BankA.</summary>
    public async Task<Bill> IssueAcceptedBankBillAsync(string billId, long amount, DateOnly dueDate, CancellationToken cancellationToken)
    {
        await Step(CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, SupplierA.PartyId, BankAId, amount, dueDate, Transferable: true), cancellationToken), cancellationToken);
        return (await Step(BankA.Bills.AcceptBillAsync(billId, cancellationToken), cancellationToken)).Value;
    }

    public void Dispose()
    {
        foreach (var member in new[] { ExchangeAdmin, Exchange, Regulator, BankA, BankB, CoreCorp, SupplierA, SupplierB, Watcher })
        {
            member.Dispose();
        }
    }

    private MarketMember Party(string name)
    {
        var party = FabricNetwork.Profile.Parties[name];
        return new MarketMember(name, party.MspId, party.User, Clock);
    }
}
