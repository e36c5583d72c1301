using FsCheck;
using FsCheck.Fluent;

namespace FabricFinance.Bills.Tests.Properties;

/// <summary>
/// Random sequences of up to 30 operations by random parties (entitled or not, on time or backdated)
/// keep the rulebook's invariants; see <see cref="MarketModelRun"/> for the list. A failure reports the
/// shrunk sequence, the broken invariant and the trace; rerun it with the printed Replay seed.
/// </summary>
[TestFixture]
public sealed class MarketInvariantProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property RandomOperationSequences_AnyParties_InvariantsHold() =>
        Prop.ForAll(MarketGenerators.Sequences(), operations => MarketModelRun.RunAsync(operations).GetAwaiter().GetResult());
}
