using System.Globalization;
using System.Text.RegularExpressions;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// Follows the block heights of the endorsing peers (Exchange, BankA, BankB) through their
/// operations endpoints, so that a flow's next step is endorsed only once every peer that can
/// endorse it has the previous step's block (FABRIC-NOTES.md, "Clients"). Unlike
/// <c>LedgerSync</c> it tolerates faults: a peer that does not answer (restarting) is skipped, since
/// the gateway cannot pick it either, and a wait gives up after <see cref="MaxWait"/> and lets the
/// step run (a stale read then fails typed and is counted).
/// </summary>
internal sealed partial class PeerHeights : IAsyncDisposable
{
    /// <summary>The longest a step waits for the peers.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly (string Name, Uri Metrics)[] _peers;
    private readonly long[] _heights; // -1: the peer does not answer
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _poller;

    public PeerHeights()
    {
        var profile = FabricNetwork.Profile;
        _peers = [.. profile.Peers
            .Where(p => p.Operations is not null && p.MspId is FabricNetwork.Exchange or FabricNetwork.BankA or FabricNetwork.BankB)
            .Select(p => (p.Name, new Uri(new Uri(p.Operations!), "metrics")))];
        _heights = [.. _peers.Select(_ => -1L)];
        _poller = Task.Run(() => PollAsync(profile.Channel, _stop.Token));
    }

    /// <summary>
    /// Waits until every answering endorsing peer has committed <paramref name="blockNumber"/>, for at
    /// most <see cref="MaxWait"/>.
    /// </summary>
    /// <returns><see langword="false"/> when the wait gave up.</returns>
    public async Task<bool> WaitForBlockAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        await _firstPoll.Task.WaitAsync(cancellationToken);
        var deadline = DateTime.UtcNow + MaxWait;
        while (true)
        {
            var ready = true;
            for (var i = 0; i < _heights.Length; i++)
            {
                var height = Volatile.Read(ref _heights[i]);
                if (height >= 0 && (ulong)height <= blockNumber)
                {
                    ready = false;
                }
            }

            if (ready)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _poller;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private async Task PollAsync(string channel, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(_peers.Select(async (peer, i) =>
            {
                var height = await HeightAsync(peer.Metrics, channel, cancellationToken);
                Volatile.Write(ref _heights[i], height);
            }));
            _firstPoll.TrySetResult();
            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>The peer's channel height, or -1 when it does not answer.</summary>
    private async Task<long> HeightAsync(Uri metrics, string channel, CancellationToken cancellationToken)
    {
        try
        {
            var text = await _http.GetStringAsync(metrics, cancellationToken);
            foreach (Match match in HeightMetric().Matches(text))
            {
                if (match.Groups["channel"].Value == channel)
                {
                    return (long)double.Parse(match.Groups["height"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }

    [GeneratedRegex("""^ledger_blockchain_height\{channel="(?<channel>[^"]+)"\} (?<height>[0-9.e+]+)$""", RegexOptions.Multiline)]
    private static partial Regex HeightMetric();
}
