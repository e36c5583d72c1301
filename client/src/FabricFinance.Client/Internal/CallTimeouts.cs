namespace FabricFinance.Client.Internal;

/// <summary>
/// Deadlines chosen for one transaction, overriding the gateway's defaults: <see langword="null"/> keeps the default,
/// <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
/// </summary>
internal sealed record CallTimeouts(TimeSpan? Evaluate, TimeSpan? Endorse, TimeSpan? Submit, TimeSpan? CommitStatus)
{
    public static readonly CallTimeouts Default = new(null, null, null, null);

    /// <summary>Checks that a per-call timeout is positive or infinite.</summary>
    /// <exception cref="ArgumentException">It is zero, negative and not infinite.</exception>
    public static void Validate(TimeSpan? timeout, string name, string paramName)
    {
        if (timeout is { } value && value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException(
                $"{name} must be positive, Timeout.InfiniteTimeSpan for no deadline, or null for the gateway's default; not {value}.",
                paramName);
        }
    }
}
