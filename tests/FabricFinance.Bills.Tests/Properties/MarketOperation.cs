using System.Globalization;

namespace FabricFinance.Bills.Tests.Properties;

/// <summary>
/// One generated operation, made of small numbers that are resolved against the market as it stands
/// when the operation runs, so that any subsequence (what shrinking produces) is still meaningful.
/// </summary>
/// <param name="Kind">What it tries.</param>
/// <param name="Actor">0: the party entitled to it; otherwise an index into the actor pool (anyone, often refused).</param>
/// <param name="Target">Which bill (or deal, or party) it acts on: an index into the existing ones, modulo their count.</param>
/// <param name="Party">Which counterparty it names (payee, endorsee, buyer): an index, modulo the pool.</param>
/// <param name="Amount">A knob 0–99: the amount issued, the share split off, the rate.</param>
/// <param name="Days">Days the clock moves forward before it runs.</param>
/// <param name="Backdated">Whether it is stamped two days before the clock (time running backwards).</param>
public sealed record MarketOperation(MarketOperationKind Kind, int Actor, int Target, int Party, int Amount, int Days, bool Backdated)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}(actor {Actor}, target {Target}, party {Party}, amount {Amount}, +{Days}d{(Backdated ? ", backdated" : string.Empty)})");
}
