using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Client.Internal;

/// <summary>The client's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Gateway connected as {MspId}; signer configured: {HasSigner}")]
    public static partial void Connected(ILogger logger, string mspId, bool hasSigner);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Created proposal {TransactionId} for {TransactionName} on chaincode {ChaincodeName}, channel {ChannelName}")]
    public static partial void ProposalCreated(ILogger logger, string transactionId, string transactionName, string chaincodeName, string channelName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Operation} call for {Subject} started")]
    public static partial void CallStarted(ILogger logger, GatewayOperation operation, string subject);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "{Operation} call for {Subject} started; timeout {TimeoutSeconds} s")]
    public static partial void UnaryCallStarted(ILogger logger, GatewayOperation operation, string subject, double? timeoutSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Operation} call for {Subject} completed in {ElapsedMilliseconds:0.0} ms")]
    public static partial void CallCompleted(ILogger logger, GatewayOperation operation, string subject, double elapsedMilliseconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Operation} call for {Subject} failed with {StatusCode}: {StatusDetail}")]
    public static partial void CallFailed(ILogger logger, GatewayOperation operation, string subject, StatusCode statusCode, string statusDetail);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Operation} call for {Subject} cancelled")]
    public static partial void CallCancelled(ILogger logger, GatewayOperation operation, string subject);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Transaction {TransactionId} committed in block {BlockNumber} with code {Code}")]
    public static partial void CommitStatusReceived(ILogger logger, string transactionId, ulong blockNumber, TransactionValidationCode code);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Received {Count} chaincode events for {Subject} from block {BlockNumber}")]
    public static partial void ChaincodeEventsReceived(ILogger logger, string subject, int count, ulong blockNumber);
}
