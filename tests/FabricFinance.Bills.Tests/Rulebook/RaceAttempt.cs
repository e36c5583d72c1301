namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>One transaction of a race between concurrent clients.</summary>
/// <param name="Actor">The caller.</param>
/// <param name="Function">The transaction.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Transient">Its transient data.</param>
public sealed record RaceAttempt(string Actor, string Function, string[] Arguments, IReadOnlyDictionary<string, string>? Transient)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Actor} {Function}";
}
