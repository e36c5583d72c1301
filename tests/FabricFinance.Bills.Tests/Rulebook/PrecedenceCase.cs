using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// A transaction to which two refusal codes of BILLS.md apply: the precedence list says which wins.
/// </summary>
/// <param name="Winner">The code that must be returned.</param>
/// <param name="Loser">The code that also applies and must lose.</param>
/// <param name="Arrange">Puts the market in the state the case needs.</param>
/// <param name="Actor">The caller.</param>
/// <param name="Function">The transaction.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Transient">Its transient data.</param>
/// <param name="At">The business date to run it on; the arranged clock when <see langword="null"/>.</param>
/// <param name="MessageNames">Text the refusal message must contain (the record it names), if any.</param>
public sealed record PrecedenceCase(
    string Winner,
    string Loser,
    Func<BillMarketHarness, Task> Arrange,
    string Actor,
    string Function,
    string[] Arguments,
    IReadOnlyDictionary<string, string>? Transient = null,
    DateOnly? At = null,
    string? MessageNames = null)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Actor} {Function} {string.Join(' ', Arguments)}";
}
