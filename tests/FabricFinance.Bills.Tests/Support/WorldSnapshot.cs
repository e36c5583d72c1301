using System.Globalization;
using System.Text;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// The whole committed world of the bill chaincode at one moment: every public key and value, every
/// private value the contract ever touched, the block height and the number of committed events. Two
/// snapshots around a refused transaction must be equal: a refused transaction changes nothing.
/// </summary>
public sealed class WorldSnapshot
{
    internal WorldSnapshot(ulong height, int eventCount, SortedDictionary<string, string> publicState, SortedDictionary<string, string> privateState)
    {
        Height = height;
        EventCount = eventCount;
        PublicState = publicState;
        PrivateState = privateState;
    }

    /// <summary>Gets the ledger height.</summary>
    public ulong Height { get; }

    /// <summary>Gets how many chaincode events valid transactions committed.</summary>
    public int EventCount { get; }

    /// <summary>Gets every public key (composite keys included, made printable) and its value as text.</summary>
    public IReadOnlyDictionary<string, string> PublicState { get; }

    /// <summary>Gets <c>collection/key</c> → value (as text, or <c>&lt;absent&gt;</c>) for every private key the contract ever wrote.</summary>
    public IReadOnlyDictionary<string, string> PrivateState { get; }

    /// <summary>Describes how another snapshot differs from this one; empty when they are equal.</summary>
    /// <param name="after">The later snapshot.</param>
    /// <returns>One line per difference.</returns>
    public string DifferencesTo(WorldSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var lines = new StringBuilder();
        if (Height != after.Height)
        {
            lines.AppendLine(CultureInfo.InvariantCulture, $"height {Height} -> {after.Height}");
        }

        if (EventCount != after.EventCount)
        {
            lines.AppendLine(CultureInfo.InvariantCulture, $"events {EventCount} -> {after.EventCount}");
        }

        Compare("public", PublicState, after.PublicState, lines);
        Compare("private", PrivateState, after.PrivateState, lines);
        return lines.ToString();
    }

    /// <summary>Tells whether another snapshot shows the same world.</summary>
    /// <param name="other">The other snapshot.</param>
    /// <returns><see langword="true"/> when nothing differs.</returns>
    public bool SameAs(WorldSnapshot other) => DifferencesTo(other).Length == 0;

    internal static string Printable(string key) => key.Replace("\0", "\\0", StringComparison.Ordinal);

    private static void Compare(string space, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, StringBuilder lines)
    {
        foreach (var (key, value) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"{space} {key} removed");
            }
            else if (!string.Equals(value, now, StringComparison.Ordinal))
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"{space} {key}: {value} -> {now}");
            }
        }

        foreach (var key in after.Keys.Where(k => !before.ContainsKey(k)))
        {
            lines.AppendLine(CultureInfo.InvariantCulture, $"{space} {key} added: {after[key]}");
        }
    }
}
