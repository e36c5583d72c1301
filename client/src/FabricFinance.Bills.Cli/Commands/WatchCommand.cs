using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Cli.Output;
using FabricFinance.Bills.Client;
using FabricFinance.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>fabfin watch</c>: one line per bill, deal or party event, live, until Ctrl+C.</summary>
internal sealed class WatchCommand(CliConsoles consoles, MarketConnector connector) : MarketCommand<WatchSettings>(consoles, connector)
{
    protected override async Task<int> RunAsync(CommandContext context, MarketSession session, WatchSettings settings, CancellationToken cancellationToken)
    {
        var options = new ChaincodeEventsOptions { StartBlock = settings.FromBlock, ResumeOnFailure = true };
        var market = session.Market;
        IAsyncEnumerable<BillMarketEvent> events = settings switch
        {
            { Bill: { } bill } => market.GetBillEventsAsync(bill, options, cancellationToken),
            { Deal: { } deal } => market.GetDealEventsAsync(deal, options, cancellationToken),
            { Party: { } party } => market.GetPartyEventsAsync(party, options, cancellationToken),
            _ => market.GetEventsAsync(options, cancellationToken),
        };
        if (!settings.Json)
        {
            Consoles.Error.MarkupLine(
                $"[grey]watching {Markup.Escape(market.Contract.ChaincodeName)} on {Markup.Escape(market.Network.Name)} as {Markup.Escape(session.Identity.Name)}"
                + $" from {(settings.FromBlock is { } from ? $"block {from}" : "the next block")}; Ctrl+C stops[/]");
        }

        try
        {
            await foreach (BillMarketEvent e in events)
            {
                if (settings.Json)
                {
                    Consoles.WriteRaw(EventLines.Json(e));
                }
                else
                {
                    Consoles.Out.MarkupLine(EventLines.Markup(e));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the normal way to stop watching.
        }

        return ExitCodes.Ok;
    }
}
