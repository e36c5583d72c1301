using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// Deploys the bill chaincode (chaincode/src/FabricFinance.Bills.Service) as chaincode-as-a-service
/// with the network's deal-terms collections (<c>--terms-collections</c>) and the channel's default
/// endorsement policy, AND(Exchange, any bank), on 10003 + the port offset; initializes the ledger
/// as the exchange's admin and admits the cast of <see cref="Market"/>. On a reused network the
/// ledger and parties are already there, which is fine.
/// </summary>
[SetUpFixture]
public sealed class BillMarketFixture
{
    private static Market? _market;

    /// <summary>Gets the market's cast.</summary>
    internal static Market Market => _market ?? throw new InvalidOperationException("The bill market fixture did not run.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Script.RunAsync(
            "scripts/network.sh",
            ["deploy", "--name", BillTransactions.ChaincodeName, "--project", "chaincode/src/FabricFinance.Bills.Service",
             "--address", $"127.0.0.1:{10003 + Repository.PortOffset}", "--terms-collections"],
            timeout.Token);
        _market = new Market();
        await InitializeAsync(_market, timeout.Token);
        await AdmitAsync(_market, timeout.Token);
    }

    [OneTimeTearDown]
    public void Stop() => _market?.Dispose();

    private static async Task InitializeAsync(Market market, CancellationToken cancellationToken)
    {
        var config = new LedgerConfig(
            FabricNetwork.Exchange, new InstitutionInfo(Market.ExchangeId, "Shanghai Commercial Paper Exchange"),
            FabricNetwork.Regulator, new InstitutionInfo(Market.RegulatorId, "People's Bank (supervision)"));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Market.Step(market.ExchangeAdmin.Bills.InitLedgerAsync(config, cancellationToken), cancellationToken);
                return;
            }
            catch (BillAlreadyExistsException)
            {
                return; // a reused network: initialized by an earlier run
            }
            catch (EndorseException ex) when (attempt < 30)
            {
                // Right after a deploy, discovery may not know yet that the banks' peers have the chaincode.
                await TestContext.Progress.WriteLineAsync($"InitLedger attempt {attempt} failed, retrying: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static async Task AdmitAsync(Market market, CancellationToken cancellationToken)
    {
        PartyRegistration[] registrations =
        [
            new(Market.BankAId, PartyKind.Bank, FabricNetwork.BankA, "Bank A"),
            new(Market.BankBId, PartyKind.Bank, FabricNetwork.BankB, "Bank B"),
            .. market.Enterprises.Select(e => new PartyRegistration(e.PartyId, PartyKind.Enterprise, e.MspId, e.PartyId + " Ltd.", e.Subject)),
        ];
        foreach (var registration in registrations)
        {
            try
            {
                await Market.Step(market.Exchange.Bills.RegisterPartyAsync(registration, cancellationToken), cancellationToken);
            }
            catch (BillAlreadyExistsException)
            {
                // a reused network
            }
        }
    }
}
