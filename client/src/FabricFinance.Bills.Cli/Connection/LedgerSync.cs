using System.Diagnostics;
using FabricFinance.Bills.Cli.Infrastructure;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// After a transaction commits, waits until every peer of the network has its block. A commit is reported by the
/// identity's own peer; another org's peer may still be a block behind, and the next command (often another identity,
/// on another peer, endorsed by several orgs) would read the state before it. Peers whose height cannot be read are
/// skipped; a peer still behind after the timeout is reported on standard error, and the command still succeeds.
/// </summary>
internal sealed class LedgerSync(IPeerHeights heights, CliConsoles consoles)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task WaitForBlockAsync(NetworkProfile profile, string channel, ulong blockNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var elapsed = Stopwatch.StartNew();
        foreach (var peer in profile.Peers)
        {
            while (await heights.GetHeightAsync(peer, channel, cancellationToken) is { } height && height <= blockNumber)
            {
                if (elapsed.Elapsed > Timeout)
                {
                    consoles.Error.MarkupLine(
                        $"[yellow]{Markup.Escape(peer.Name)} has not committed block {blockNumber} after {Timeout.TotalSeconds:0} s; the next command may not see this transaction there yet.[/]");
                    break;
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
