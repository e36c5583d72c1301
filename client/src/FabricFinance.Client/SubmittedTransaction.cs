using FabricFinance.Client.Internal;
using Google.Protobuf;

namespace FabricFinance.Client;

/// <summary>
/// A transaction accepted by the ordering service: its chaincode result is known, and
/// <see cref="Commit.GetStatusAsync(CancellationToken)"/> waits for it to be committed.
/// </summary>
/// <example>
/// <code>
/// var submitted = await contract.StartSubmitAsync("Transfer", options, cancellationToken);
/// var status = await submitted.GetStatusAsync(cancellationToken);
/// if (!status.Successful)
/// {
///     // The ledger recorded the transaction as invalid: status.Code says why.
/// }
/// </code>
/// </example>
public sealed class SubmittedTransaction : Commit
{
    private readonly ByteString _result;

    internal SubmittedTransaction(
        GatewayContext context,
        TransactionDescriptor descriptor,
        ByteString request,
        ByteString? signature,
        ByteString result,
        TimeSpan? commitStatusTimeout)
        : base(context, descriptor, request, signature, commitStatusTimeout)
    {
        _result = result;
    }

    /// <summary>
    /// Gets the payload the chaincode function returned during endorsement. It is the transaction's outcome only if the
    /// transaction commits as valid.
    /// </summary>
    public ReadOnlyMemory<byte> Result => _result.Memory;
}
