using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// Leaves the shared network as the rest of the suite expects it after a fault scenario, whatever the
/// scenario did or where it failed: every recorded process running (a node a failed scenario left
/// down is restarted), and warm-up submits through each bank's and the exchange's gateway
/// succeeding (the restarted node reconnected, the chaincode relaunched, discovery caught up), then
/// every peer at the last warm-up block.
/// </summary>
internal static class NetworkHealth
{
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);

    public static async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var name in FaultInjector.DeadProcesses())
        {
            await TestContext.Progress.WriteLineAsync($"network health: {name} is down, restarting it");
            await Script.RunAsync("scripts/network.sh", ["restart", "--node", name], cancellationToken);
        }

        ulong lastBlock = 0;
        foreach (var (party, gateway) in new[] { ("CoreCorp", FabricNetwork.BankA), ("CoreCorp", FabricNetwork.Exchange), ("SupplierB", FabricNetwork.BankB) })
        {
            using var session = LoadSession.Enterprise(party, gateway);
            lastBlock = Math.Max(lastBlock, await WarmUpAsync(session, cancellationToken));
        }

        using (var exchange = FabricNetwork.Connect(FabricNetwork.Exchange))
        {
            await RetryAsync("assets warm-up", () => exchange.Assets.SubmitTransactionAsync("CreateAsset", ["warmup-" + Guid.NewGuid().ToString("N"), "faults", "1"], cancellationToken), cancellationToken);
        }

        await LedgerSync.WaitForBlockAsync(lastBlock, cancellationToken);
    }

    private static async Task<ulong> WarmUpAsync(LoadSession session, CancellationToken cancellationToken)
    {
        var payee = session.PartyId == "SupplierB" ? "SupplierA" : "SupplierB";
        var acceptor = session.PartyId == "SupplierB" ? Market.BankBId : Market.BankAId;
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var committed = await RetryAsync(
            $"bills warm-up as {session}",
            () => session.Bills.IssueBillAsync(new IssueBillRequest(Market.NewId("warm"), BillKind.Bank, payee, acceptor, 100, due, Transferable: true), cancellationToken),
            cancellationToken);
        return committed.BlockNumber;
    }

    private static async Task<T> RetryAsync<T>(string what, Func<Task<T>> submit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WarmUpLimit;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await submit();
            }
            catch (Exception ex) when (ex is GatewayException or CommitException or BillMarketException && DateTime.UtcNow < deadline)
            {
                await TestContext.Progress.WriteLineAsync($"network health: {what} attempt {attempt} failed, retrying: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
