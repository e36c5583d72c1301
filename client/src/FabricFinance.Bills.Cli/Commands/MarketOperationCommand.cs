using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// One command per transaction or query: registered once per name, with its <see cref="MarketOperation{TSettings,
/// TResult}"/> as data.
/// </summary>
internal sealed class MarketOperationCommand<TSettings, TResult>(CliConsoles consoles, MarketConnector connector, LedgerSync sync)
    : MarketCommand<TSettings>(consoles, connector)
    where TSettings : MarketSettings
{
    protected override async Task<int> RunAsync(CommandContext context, MarketSession session, TSettings settings, CancellationToken cancellationToken)
    {
        var operation = context.Data as MarketOperation<TSettings, TResult>
            ?? throw new InvalidOperationException($"The command '{context.Name}' was registered without its operation.");
        var result = await operation.Run(session, settings, cancellationToken);
        Print(settings, result, operation.Json, operation.Table);
        if (!settings.NoWait && operation.CommittedBlock(result) is { } block)
        {
            await sync.WaitForBlockAsync(session.Profile, session.Market.Network.Name, block, cancellationToken);
        }

        return ExitCodes.Ok;
    }
}
