using System.Text;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>One generated hostile invocation: who calls what with which arguments and transient data, and what is wrong with it.</summary>
/// <param name="Index">Its position in the generated sequence (reproduce with the same seed).</param>
/// <param name="Category">The kind of hostility.</param>
/// <param name="Function">The function name sent (possibly marked raw, see <see cref="RawArguments"/>).</param>
/// <param name="Actor">The cast member who calls.</param>
/// <param name="Arguments">The arguments (possibly marked raw).</param>
/// <param name="Transient">The transient data, raw bytes.</param>
/// <param name="Evaluate">Whether the call is evaluated rather than submitted.</param>
/// <param name="Defect">What was done to an otherwise sensible call.</param>
internal sealed record HostileCall(
    int Index,
    HostileCategory Category,
    string Function,
    string Actor,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, byte[]> Transient,
    bool Evaluate,
    string Defect)
{
    /// <summary>The call in one short line, long values cut.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append('#').Append(Index).Append(' ').Append(Category).Append(": ").Append(Evaluate ? "evaluate " : "submit ")
            .Append(Show(Function)).Append('(').AppendJoin(", ", Arguments.Select(Show)).Append(") by ").Append(Actor);
        if (Transient.Count > 0)
        {
            text.Append(" transient {").AppendJoin(", ", Transient.Select(t => Show(t.Key) + ": " + t.Value.Length + " bytes")).Append('}');
        }

        return text.Append(" [").Append(Defect).Append(']').ToString();
    }

    private static string Show(string value)
    {
        var shown = RawArguments.IsRaw(value) ? "raw:" + value[5..] : value;
        shown = shown.Length <= 60 ? shown : $"{shown[..50]}…({shown.Length} chars)";
        return "\"" + string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
    }
}
