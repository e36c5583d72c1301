using FabricFinance.Bills.Cli.Commands;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Brings a fresh bill ledger to where bills can be issued, idempotently: <c>InitLedger</c> as the exchange's admin
/// (the exchange and the regulator), then the exchange admits the two banks and the three demo enterprises of
/// network.json (<c>CoreCorp</c>, <c>SupplierA</c>, <c>SupplierB</c>). What is already there (an earlier run, the demo)
/// is left as it is. After each transaction it waits for every peer to commit it, as fabfin's commands do.
/// </summary>
internal sealed class MarketSetup(MarketConnector connector, LedgerSync sync)
{
    /// <summary>The identity that initializes the ledger.</summary>
    public const string ExchangeAdmin = "ExchangeAdmin";

    /// <summary>The identity that admits parties.</summary>
    public const string Exchange = "Exchange";

    /// <summary>The institutions admitted (party id = fabfin name = the MSP without <c>MSP</c>).</summary>
    public static readonly IReadOnlyList<string> Banks = ["BankA", "BankB"];

    /// <summary>The enterprises admitted (party id = fabfin name from network.json's <c>parties</c>).</summary>
    public static readonly IReadOnlyList<string> Enterprises = ["CoreCorp", "SupplierA", "SupplierB"];

    /// <summary>Initializes the ledger and admits the parties; steps already done are skipped.</summary>
    /// <param name="settings">Network, channel and chaincode (<c>--as</c> is not used).</param>
    /// <param name="at">The clock of every proposal.</param>
    /// <param name="progress">Told what is done, one line each.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NetworkSetupException">network.json or an identity's credentials cannot be used.</exception>
    /// <exception cref="GatewayException">Fabric kept failing (endorsement is retried for 30 s after a deploy).</exception>
    /// <exception cref="BillMarketException">The contract refused a step for another reason than it being done already.</exception>
    public async Task RunAsync(MarketSettings settings, DateTimeOffset at, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        await using (var admin = connector.Open(As(settings, ExchangeAdmin), at))
        {
            var config = new InitSettings().Config;
            var done = await RetryAfterDeployAsync(() => admin.Market.InitLedgerAsync(config, cancellationToken), progress, cancellationToken);
            progress(done is null ? "ledger already initialized" : $"ledger initialized in block {done.BlockNumber}");
            await WaitAsync(admin, done?.BlockNumber, cancellationToken);
        }

        await using var exchange = connector.Open(As(settings, Exchange), at);
        ulong? last = null;
        foreach (var registration in await RegistrationsAsync(exchange.Identities, cancellationToken))
        {
            var done = await RetryAfterDeployAsync(() => exchange.Market.RegisterPartyAsync(registration, cancellationToken), progress, cancellationToken);
            progress(done is null ? $"party {registration.Id} already admitted" : $"party {registration.Id} admitted in block {done.BlockNumber}");
            last = done?.BlockNumber ?? last;
        }

        await WaitAsync(exchange, last, cancellationToken);
    }

    /// <summary>Settings that act as another identity, everything else the same.</summary>
    public static MarketSettings As(MarketSettings settings, string identity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new MarketSettings { As = identity, Network = settings.Network, Channel = settings.Channel, Chaincode = settings.Chaincode, Via = settings.Via };
    }

    private static async Task<IReadOnlyList<PartyRegistration>> RegistrationsAsync(IdentityDirectory identities, CancellationToken cancellationToken)
    {
        var registrations = new List<PartyRegistration>();
        foreach (var bank in Banks)
        {
            registrations.Add(new PartyRegistration(bank, PartyKind.Bank, identities.Resolve(bank).MspId, bank));
        }

        foreach (var enterprise in Enterprises)
        {
            registrations.Add(await identities.Resolve(enterprise).EnterpriseRegistrationAsync(enterprise, enterprise, cancellationToken));
        }

        return registrations;
    }

    /// <summary>
    /// Runs a submit; <see langword="null"/> when the record exists already. Right after a deploy the gateway's
    /// discovery may not yet know that the other orgs' peers run the chaincode: endorsement is retried for 30 s.
    /// </summary>
    public static async Task<Committed<T>?> RetryAfterDeployAsync<T>(Func<Task<Committed<T>>> submit, Action<string> progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await submit();
            }
            catch (BillAlreadyExistsException)
            {
                return null;
            }
            catch (EndorseException ex) when (attempt < 30)
            {
                progress($"endorsement failed (attempt {attempt}), retrying in 1 s: {ex.Message}");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task WaitAsync(MarketSession session, ulong? block, CancellationToken cancellationToken)
    {
        if (block is { } committed)
        {
            await sync.WaitForBlockAsync(session.Profile, session.Market.Network.Name, committed, cancellationToken);
        }
    }
}
