namespace FabricFinance.Bills.Cli.Connection;

/// <summary>
/// A clock stopped at one instant: every proposal carries this timestamp (<c>--at</c>), so a demo can reach maturity.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
