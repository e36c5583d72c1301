using System.Text;
using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Hostile;

/// <summary>One hostile invocation of the bill chaincode on the real network, as raw bytes through the client's <c>Contract</c>.</summary>
/// <param name="Index">Its position in the generated sequence.</param>
/// <param name="Member">Who calls.</param>
/// <param name="Function">The function name.</param>
/// <param name="Arguments">The arguments, raw (some are not UTF-8).</param>
/// <param name="Transient">The transient data.</param>
/// <param name="Submit">Whether to submit (endorse, then order) rather than evaluate.</param>
/// <param name="Defect">What was broken.</param>
internal sealed record NetworkHostileCall(
    int Index,
    MarketMember Member,
    string Function,
    IReadOnlyList<byte[]> Arguments,
    IReadOnlyDictionary<string, byte[]> Transient,
    bool Submit,
    string Defect)
{
    /// <summary>The call in one short line, long values cut.</summary>
    public override string ToString() =>
        $"#{Index} {(Submit ? "submit" : "evaluate")} {Show(Function)}({string.Join(", ", Arguments.Select(a => Show(Encoding.UTF8.GetString(a))))}) by {Member.PartyId}"
        + (Transient.Count == 0 ? string.Empty : $" transient {{{string.Join(", ", Transient.Select(t => $"{Show(t.Key)}: {t.Value.Length} bytes"))}}}")
        + $" [{Defect}]";

    private static string Show(string value)
    {
        var shown = value.Length <= 60 ? value : $"{value[..50]}…({value.Length} chars)";
        return "\"" + string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
    }
}
