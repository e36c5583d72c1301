using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>A command that talks to the ledger: it connects as <c>--as</c> to that identity's own peer, then runs.</summary>
internal abstract class MarketCommand<TSettings>(CliConsoles consoles, MarketConnector connector) : FabfinCommand<TSettings>(consoles)
    where TSettings : MarketSettings
{
    protected sealed override async Task<int> RunAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await using var session = connector.Open(settings, settings.AtTime);
        return await RunAsync(context, session, settings, cancellationToken);
    }

    protected abstract Task<int> RunAsync(CommandContext context, MarketSession session, TSettings settings, CancellationToken cancellationToken);
}
