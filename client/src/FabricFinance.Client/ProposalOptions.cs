using System.Text;
using FabricFinance.Client.Internal;

namespace FabricFinance.Client;

/// <summary>
/// Options for a transaction proposal: its arguments, private (transient) data, endorsing organizations, and the
/// timeouts of the calls made for it.
/// </summary>
/// <remarks>
/// The timeouts override <see cref="GatewayOptions"/>'s for this transaction only: <see langword="null"/> (the default)
/// keeps the gateway's, <see cref="Timeout.InfiniteTimeSpan"/> means no deadline. They travel with the
/// <see cref="Proposal"/>, its <see cref="Transaction"/> and its <see cref="SubmittedTransaction"/>, but not through
/// <see cref="ISignable.GetBytes"/>: offline-signed steps use the gateway's defaults or a <see cref="GatewayCallOptions"/>.
/// </remarks>
/// <example>
/// <code>
/// var options = new ProposalOptions
/// {
///     TransientData = { ["price"] = Encoding.UTF8.GetBytes("100") },
///     EndorsingOrganizations = { "Org1MSP", "Org2MSP" },
/// }.AddArguments("bill-1", "Alice");
/// </code>
/// </example>
public sealed class ProposalOptions
{
    private TimeSpan? _evaluateTimeout;
    private TimeSpan? _endorseTimeout;
    private TimeSpan? _submitTimeout;
    private TimeSpan? _commitStatusTimeout;

    /// <summary>
    /// Gets the arguments passed to the transaction function, in order. The function name is not one of them.
    /// Use <see cref="AddArguments(ReadOnlySpan{string})"/> for text arguments.
    /// </summary>
    public IList<ReadOnlyMemory<byte>> Arguments { get; } = new List<ReadOnlyMemory<byte>>();

    /// <summary>
    /// Gets the private data passed to the chaincode in the proposal's transient map. The chaincode reads it during
    /// endorsement; it is not written to the ledger or the ordered transaction.
    /// </summary>
    public IDictionary<string, ReadOnlyMemory<byte>> TransientData { get; } =
        new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the MSP identifiers of the organizations that must endorse the transaction, or evaluate it. When empty
    /// (the default) the gateway peer chooses endorsers that satisfy the endorsement policy.
    /// </summary>
    public IList<string> EndorsingOrganizations { get; } = new List<string>();

    /// <summary>Gets or sets the timeout of the evaluate call; see the remarks of <see cref="ProposalOptions"/>.</summary>
    /// <exception cref="ArgumentException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? EvaluateTimeout
    {
        get => _evaluateTimeout;
        set => _evaluateTimeout = Checked(value, nameof(EvaluateTimeout));
    }

    /// <summary>Gets or sets the timeout of the endorse call; see the remarks of <see cref="ProposalOptions"/>.</summary>
    /// <exception cref="ArgumentException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? EndorseTimeout
    {
        get => _endorseTimeout;
        set => _endorseTimeout = Checked(value, nameof(EndorseTimeout));
    }

    /// <summary>Gets or sets the timeout of the submit call; see the remarks of <see cref="ProposalOptions"/>.</summary>
    /// <exception cref="ArgumentException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? SubmitTimeout
    {
        get => _submitTimeout;
        set => _submitTimeout = Checked(value, nameof(SubmitTimeout));
    }

    /// <summary>
    /// Gets or sets the timeout of the commit status call, which waits for the transaction's block; see the remarks of
    /// <see cref="ProposalOptions"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? CommitStatusTimeout
    {
        get => _commitStatusTimeout;
        set => _commitStatusTimeout = Checked(value, nameof(CommitStatusTimeout));
    }

    /// <summary>Appends text arguments, each encoded as UTF-8.</summary>
    /// <param name="arguments">The arguments to append.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException">One of <paramref name="arguments"/> is <see langword="null"/>.</exception>
    public ProposalOptions AddArguments(params ReadOnlySpan<string> arguments)
    {
        foreach (var argument in arguments)
        {
            ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
        }

        foreach (var argument in arguments)
        {
            Arguments.Add(Encoding.UTF8.GetBytes(argument));
        }

        return this;
    }

    /// <summary>Copies the timeouts, as they are now, for a proposal.</summary>
    internal CallTimeouts ToCallTimeouts() => new(EvaluateTimeout, EndorseTimeout, SubmitTimeout, CommitStatusTimeout);

    private static TimeSpan? Checked(TimeSpan? value, string name)
    {
        CallTimeouts.Validate(value, $"{nameof(ProposalOptions)}.{name}", nameof(value));
        return value;
    }
}
