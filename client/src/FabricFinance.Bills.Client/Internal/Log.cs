using FabricFinance.Client;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Bills.Client.Internal;

/// <summary>The bill client's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Submitting {TransactionName} as transaction {TransactionId}")]
    public static partial void Submitting(ILogger logger, string transactionName, string transactionId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{TransactionName} committed as transaction {TransactionId} in block {BlockNumber}")]
    public static partial void Committed(ILogger logger, string transactionName, string transactionId, ulong blockNumber);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Evaluating {TransactionName} as transaction {TransactionId}")]
    public static partial void Evaluating(ILogger logger, string transactionName, string transactionId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{TransactionName} (transaction {TransactionId}) refused: {Code}: {Sentence}")]
    public static partial void Refused(ILogger logger, string transactionName, string transactionId, BillErrorCode code, string sentence);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{TransactionName} (transaction {TransactionId}) lost a race: committed in block {BlockNumber} as {ValidationCode}")]
    public static partial void Conflict(ILogger logger, string transactionName, string transactionId, ulong blockNumber, TransactionValidationCode validationCode);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{TransactionName} (transaction {TransactionId}) committed in block {BlockNumber} as invalid: {ValidationCode}")]
    public static partial void CommitFailed(ILogger logger, string transactionName, string transactionId, ulong blockNumber, TransactionValidationCode validationCode);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The terms of deal {DealId} hash to {ComputedHash}, not to the public {PublicHash}")]
    public static partial void TermsMismatch(ILogger logger, string dealId, string computedHash, string publicHash);
}
