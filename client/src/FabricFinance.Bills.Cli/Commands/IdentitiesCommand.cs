using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary><c>fabfin identities</c>: the names <c>--as</c> accepts, from network.json (no connection).</summary>
internal sealed class IdentitiesCommand(CliConsoles consoles, MarketConnector connector) : FabfinCommand<FabfinSettings>(consoles)
{
    protected override Task<int> RunAsync(CommandContext context, FabfinSettings settings, CancellationToken cancellationToken)
    {
        var (_, identities) = connector.LoadDirectory(settings.Network);
        Print(
            settings,
            identities.All,
            all => all.Select(i => new { name = i.Name, role = i.Role, mspId = i.MspId, user = i.User, peer = i.Peer?.Address }),
            Table);
        return Task.FromResult(ExitCodes.Ok);
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<CliIdentity> identities)
    {
        var table = new Table().AddColumns("name (--as)", "acts as", "msp", "user", "peer");
        foreach (var i in identities)
        {
            table.AddRow(new Text(i.Name), new Text(i.Role), new Text(i.MspId), new Text(i.User), new Text(i.Peer?.Address ?? "-"));
        }

        console.Write(table);
    }
}
