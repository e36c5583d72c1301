using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;

namespace FabricFinance.Client.Internal;

/// <summary>An immutable, validated copy of an <see cref="EventsResumePolicy"/>.</summary>
internal sealed class ResumeSettings
{
    private readonly Func<GatewayException, bool> _shouldResume;

    private ResumeSettings(EventsResumePolicy policy)
    {
        MaxAttempts = policy.MaxAttempts;
        InitialDelay = policy.InitialDelay;
        MaxDelay = policy.MaxDelay;
        Multiplier = policy.Multiplier;
        _shouldResume = policy.ShouldResume ?? EventsResumePolicy.IsTransient;
    }

    public int? MaxAttempts { get; }

    public TimeSpan InitialDelay { get; }

    public TimeSpan MaxDelay { get; }

    public double Multiplier { get; }

    /// <summary>
    /// Gets how long a connection must have stayed up for its failure to count as a new outage: the longest wait, and
    /// at least a second, so that a peer that fails every call at once can never cause reconnections without end.
    /// </summary>
    public TimeSpan HealthyConnection => MaxDelay > MinimumHealthyConnection ? MaxDelay : MinimumHealthyConnection;

    private static TimeSpan MinimumHealthyConnection => TimeSpan.FromSeconds(1);

    /// <summary>Validates and copies the policy of an options object, or returns null when resuming is off.</summary>
    /// <exception cref="ArgumentException">The policy is missing or holds an invalid value.</exception>
    public static ResumeSettings? From(bool resumeOnFailure, EventsResumePolicy? policy, string paramName)
    {
        if (!resumeOnFailure)
        {
            return null;
        }

        if (policy is null)
        {
            throw new ArgumentException("ResumePolicy is null while ResumeOnFailure is set.", paramName);
        }

        if (policy.MaxAttempts is < 1)
        {
            throw new ArgumentException($"ResumePolicy.MaxAttempts must be at least 1, or null for no limit, not {policy.MaxAttempts}.", paramName);
        }

        if (policy.InitialDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"ResumePolicy.InitialDelay must not be negative, not {policy.InitialDelay}.", paramName);
        }

        if (policy.MaxDelay < policy.InitialDelay)
        {
            throw new ArgumentException(
                $"ResumePolicy.MaxDelay ({policy.MaxDelay}) must not be shorter than ResumePolicy.InitialDelay ({policy.InitialDelay}).", paramName);
        }

        if (double.IsNaN(policy.Multiplier) || policy.Multiplier < 1)
        {
            throw new ArgumentException($"ResumePolicy.Multiplier must be at least 1, not {policy.Multiplier}.", paramName);
        }

        return new ResumeSettings(policy);
    }

    public bool ShouldResume(GatewayException exception) => _shouldResume(exception);

    /// <summary>The wait before the given consecutive attempt (1 for the first).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var milliseconds = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, attempt - 1);
        return double.IsFinite(milliseconds) && milliseconds < MaxDelay.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(milliseconds)
            : MaxDelay;
    }
}
