using FabricFinance.Client.Internal;
using Google.Protobuf;

namespace FabricFinance.Client;

/// <summary>
/// A transaction accepted by the ordering service: its chaincode result is known, and
/// <see cref="Commit.GetStatusAsync"/> waits for it to be committed.
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

    internal SubmittedTransaction(GatewayContext context, string transactionId, ByteString request, ByteString? signature, ByteString result)
        : base(context, transactionId, request, signature)
    {
        _result = result;
    }

    /// <summary>
    /// Gets the payload the chaincode function returned during endorsement. It is the transaction's outcome only if the
    /// transaction commits as valid.
    /// </summary>
    public ReadOnlyMemory<byte> Result => _result.Memory;
}
