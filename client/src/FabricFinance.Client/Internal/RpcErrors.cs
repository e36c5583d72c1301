using System.Text;
using FabricFinance.Client.Errors;
using Grpc.Core;
using GatewayErrorDetail = Hyperledger.Fabric.Protos.Gateway.ErrorDetail;

namespace FabricFinance.Client.Internal;

/// <summary>Maps failed gRPC calls to the client's exception types.</summary>
internal static class RpcErrors
{
    /// <summary>Creates the exception for a failed call of the given operation.</summary>
    public static GatewayException ToException(GatewayOperation operation, string subject, RpcException rpcException)
    {
        var details = ReadDetails(rpcException);
        var message = Describe(operation, subject, rpcException.Status, details);
        var code = rpcException.StatusCode;
        return operation switch
        {
            GatewayOperation.Evaluate => new TransactionException(message, subject, code, details, rpcException),
            GatewayOperation.Endorse => new EndorseException(message, subject, code, details, rpcException),
            GatewayOperation.Submit => new SubmitException(message, subject, code, details, rpcException),
            GatewayOperation.CommitStatus => new CommitStatusException(message, subject, code, details, rpcException),
            _ => new GatewayException(message, code, details, rpcException),
        };
    }

    /// <summary>
    /// Reads the <c>gateway.ErrorDetail</c> entries of the call's rich status (the <c>grpc-status-details-bin</c> trailer).
    /// A missing or unreadable trailer yields no details: the status code and message still describe the failure.
    /// </summary>
    public static IReadOnlyList<ErrorDetail> ReadDetails(RpcException rpcException)
    {
        Google.Rpc.Status? status;
        try
        {
            status = rpcException.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return [];
        }

        if (status is null || status.Details.Count == 0)
        {
            return [];
        }

        var details = new List<ErrorDetail>(status.Details.Count);
        foreach (var any in status.Details)
        {
            if (any.TryUnpack<GatewayErrorDetail>(out var detail))
            {
                details.Add(new ErrorDetail(detail.Address, detail.MspId, detail.Message));
            }
        }

        return details.AsReadOnly();
    }

    /// <summary>
    /// Builds a message that stands on its own: the operation, the status, and every peer's message, since the
    /// chaincode's error text is usually only in the peer details.
    /// </summary>
    public static string Describe(GatewayOperation operation, string subject, Status status, IReadOnlyList<ErrorDetail> details)
    {
        var builder = new StringBuilder(operation switch
        {
            GatewayOperation.Evaluate => $"Evaluate of transaction {subject} failed",
            GatewayOperation.Endorse => $"Endorsement of transaction {subject} failed",
            GatewayOperation.Submit => $"Submit of transaction {subject} failed",
            GatewayOperation.CommitStatus => $"Commit status request for transaction {subject} failed",
            _ => $"Chaincode events request for {subject} failed",
        });
        builder.Append(": ").Append(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            builder.Append(", ").Append(status.Detail);
        }

        foreach (var detail in details)
        {
            builder.Append("; ").Append(detail);
        }

        return builder.ToString();
    }
}
