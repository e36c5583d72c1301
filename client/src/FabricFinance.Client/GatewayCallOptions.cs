using FabricFinance.Client.Internal;

namespace FabricFinance.Client;

/// <summary>
/// Settings for one Gateway service call made through the fine-grained flow: <see cref="Proposal.EvaluateAsync(GatewayCallOptions, CancellationToken)"/>,
/// <see cref="Proposal.EndorseAsync(GatewayCallOptions, CancellationToken)"/>, <see cref="Transaction.SubmitAsync(GatewayCallOptions, CancellationToken)"/>
/// and <see cref="Commit.GetStatusAsync(GatewayCallOptions, CancellationToken)"/>.
/// </summary>
/// <example>
/// <code>
/// // Wait up to 5 minutes for this commit only, whatever GatewayOptions.CommitStatusTimeout says.
/// var status = await submitted.GetStatusAsync(new GatewayCallOptions { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
/// </code>
/// </example>
public sealed class GatewayCallOptions
{
    private TimeSpan? _timeout;

    /// <summary>
    /// Gets or sets the call's timeout, after which it fails with <see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>:
    /// <see langword="null"/> (the default) keeps the one chosen by <see cref="ProposalOptions"/> or
    /// <see cref="GatewayOptions"/>, and <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means no deadline.
    /// </summary>
    /// <exception cref="ArgumentException">The value is zero or negative, and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            CallTimeouts.Validate(value, $"{nameof(GatewayCallOptions)}.{nameof(Timeout)}", nameof(value));
            _timeout = value;
        }
    }
}
