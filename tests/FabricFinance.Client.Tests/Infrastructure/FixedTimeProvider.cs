namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>A clock that always reads the same time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
