using System.Diagnostics.CodeAnalysis;
using FabricFinance.Client.Errors;
using Grpc.Core;

namespace FabricFinance.Bills.Client.Internal;

/// <summary>
/// Turns the contract's refusals (<c>CODE: sentence</c>) carried by Gateway failures into typed exceptions.
/// </summary>
internal static class BillErrors
{
    /// <summary>
    /// Finds a rulebook code in a Gateway failure: in each peer's message first (where Fabric puts the chaincode's
    /// <c>chaincode response 500, CODE: sentence</c>), then in the gRPC status detail.
    /// </summary>
    public static bool TryMap(
        GatewayException exception,
        string transactionName,
        string transactionId,
        [NotNullWhen(true)] out BillMarketException? refusal)
    {
        var id = exception is TransactionException { TransactionId.Length: > 0 } transaction ? transaction.TransactionId : transactionId;
        foreach (var detail in exception.Details)
        {
            if (BillErrorCodes.TryParse(detail.Message, out var code, out var sentence))
            {
                refusal = Create(code, sentence, transactionName, id, exception);
                return true;
            }
        }

        if (exception.InnerException is RpcException rpc && BillErrorCodes.TryParse(rpc.Status.Detail, out var statusCode, out var statusSentence))
        {
            refusal = Create(statusCode, statusSentence, transactionName, id, exception);
            return true;
        }

        refusal = null;
        return false;
    }

    /// <summary>Creates the exception type of a code.</summary>
    public static BillMarketException Create(BillErrorCode code, string sentence, string transactionName, string transactionId, Exception? inner) =>
        code switch
        {
            BillErrorCode.InvalidArgument => new BillInvalidArgumentException(sentence, transactionName, transactionId, inner),
            BillErrorCode.NotFound => new BillNotFoundException(sentence, transactionName, transactionId, inner),
            BillErrorCode.AlreadyExists => new BillAlreadyExistsException(sentence, transactionName, transactionId, inner),
            BillErrorCode.Forbidden => new BillForbiddenException(sentence, transactionName, transactionId, inner),
            BillErrorCode.InvalidState => new BillInvalidStateException(sentence, transactionName, transactionId, inner),
            BillErrorCode.NotTransferable => new BillNotTransferableException(sentence, transactionName, transactionId, inner),
            BillErrorCode.NotDue => new BillNotDueException(sentence, transactionName, transactionId, inner),
            BillErrorCode.Overdue => new BillOverdueException(sentence, transactionName, transactionId, inner),
            BillErrorCode.Frozen => new BillFrozenException(sentence, transactionName, transactionId, inner),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a bill error code."),
        };
}
