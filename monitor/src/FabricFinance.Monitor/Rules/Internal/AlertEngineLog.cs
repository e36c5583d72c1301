namespace FabricFinance.Monitor.Rules.Internal;

/// <summary>The engine's source-generated log messages.</summary>
internal static partial class AlertEngineLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Error,
        Message = "Alert rule {RuleId} failed on transaction {TransactionId} (bill {BillId}, block {BlockNumber}); the other rules ran")]
    public static partial void RuleFailed(
        this ILogger logger, Exception exception, string ruleId, string transactionId, string billId, long blockNumber);
}
