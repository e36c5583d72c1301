using System.Text.Json;
using FabricFinance.Bills.Client;
using FabricFinance.Client.Errors;
using Grpc.Core;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Names a failed operation's kind for the report: the exception type and what distinguishes failures of that type,
/// the rulebook code of a refusal (<c>BillNotFoundException/NOT_FOUND</c>), the validation code of a transaction
/// committed as invalid (<c>BillConflictException/MvccReadConflict</c>), the gRPC status of a Fabric failure
/// (<c>EndorseException/Aborted</c>).
/// </summary>
internal static class FailureKinds
{
    /// <summary>The kind of a failure.</summary>
    public static string Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType().Name;
        var detail = exception switch
        {
            BillConflictException conflict => conflict.ValidationCode.ToString(),
            BillMarketException refusal => BillErrorCodes.ToText(refusal.Code),
            CommitException commit => commit.Code.ToString(),
            GatewayException gateway => gateway.StatusCode.ToString(),
            RpcException rpc => rpc.StatusCode.ToString(),
            JsonException => "unreadable answer",
            _ => null,
        };
        return detail is null ? type : type + "/" + detail;
    }
}
