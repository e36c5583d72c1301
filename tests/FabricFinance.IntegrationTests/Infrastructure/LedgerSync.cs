using System.Globalization;
using System.Text.RegularExpressions;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>
/// Waits until every peer has committed a block. A submit reports the commit at the gateway's own
/// peer only; another org's peer may still be a block behind, and a transaction endorsed there
/// right away would not see the write (FABRIC-NOTES.md, "Clients"). Tests that chain dependent
/// transactions wait here in between. Heights come from each peer's operations endpoint.
/// </summary>
internal static partial class LedgerSync
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task WaitForBlockAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        var profile = FabricNetwork.Profile;
        foreach (var peer in profile.Peers.Where(p => p.Operations is not null))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (await HeightAsync(peer.Operations!, profile.Channel, cancellationToken) <= blockNumber)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{peer.Name} did not commit block {blockNumber} within 30 s.");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static async Task<ulong> HeightAsync(string operations, string channel, CancellationToken cancellationToken)
    {
        var metrics = await Http.GetStringAsync(new Uri(new Uri(operations), "metrics"), cancellationToken);
        foreach (Match match in HeightMetric().Matches(metrics))
        {
            if (match.Groups["channel"].Value == channel)
            {
                return ulong.Parse(match.Groups["height"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex("""^ledger_blockchain_height\{channel="(?<channel>[^"]+)"\} (?<height>[0-9.e+]+)$""", RegexOptions.Multiline)]
    private static partial Regex HeightMetric();
}
