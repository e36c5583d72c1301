namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The web layer's log messages.</summary>
internal static partial class MonitorWebLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Alert stream opened after sequence {After}")]
    public static partial void StreamOpened(ILogger logger, long after);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Alert stream that started after sequence {After} closed having sent {Sent} alerts")]
    public static partial void StreamClosed(ILogger logger, long after, long sent);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Alert stream failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception);
}
