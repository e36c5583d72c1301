using System.Globalization;
using System.Text.RegularExpressions;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>Reads a peer's ledger height from its operations endpoint (<c>/metrics</c>, <c>ledger_blockchain_height</c>).</summary>
internal sealed partial class OperationsPeerHeights : IPeerHeights, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<ulong?> GetHeightAsync(PeerProfile peer, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.Operations is null || !Uri.TryCreate(peer.Operations, UriKind.Absolute, out var operations))
        {
            return null;
        }

        string metrics;
        try
        {
            metrics = await _http.GetStringAsync(new Uri(operations, "metrics"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        return ParseHeight(metrics, channel);
    }

    /// <summary>Finds <c>ledger_blockchain_height{channel="…"} N</c> in a Prometheus text exposition.</summary>
    public static ulong? ParseHeight(string metrics, string channel)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (Match match in HeightMetric().Matches(metrics))
        {
            if (match.Groups["channel"].Value == channel
                && double.TryParse(match.Groups["height"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var height))
            {
                return (ulong)height;
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""^ledger_blockchain_height\{channel="(?<channel>[^"]+)"\} (?<height>[0-9.e+E]+)$""", RegexOptions.Multiline)]
    private static partial Regex HeightMetric();
}
