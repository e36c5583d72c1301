using System.Text;

namespace FabricFinance.Client;

/// <summary>Options for a transaction proposal: its arguments, private (transient) data and endorsing organizations.</summary>
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
}
