using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Client.Internal;

/// <summary>The log messages of block event streams and stream resumption, source-generated.</summary>
internal static partial class EventsLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "{Kind} call for {Subject} started")]
    public static partial void DeliverStarted(ILogger logger, DeliverKind kind, string subject);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Received block {BlockNumber} for {Subject}")]
    public static partial void BlockReceived(ILogger logger, string subject, ulong blockNumber);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "{Kind} call for {Subject} ended with deliver status {Status}")]
    public static partial void DeliverStatusReceived(ILogger logger, DeliverKind kind, string subject, int status);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "{Kind} call for {Subject} failed with {StatusCode}: {StatusDetail}")]
    public static partial void DeliverFailed(ILogger logger, DeliverKind kind, string subject, StatusCode statusCode, string statusDetail);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "{Kind} call for {Subject} cancelled")]
    public static partial void DeliverCancelled(ILogger logger, DeliverKind kind, string subject);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Event stream for {Subject} failed with {StatusCode} ({Reason}); attempt {Attempt} to resume from {Position} in {DelayMilliseconds} ms")]
    public static partial void Resuming(ILogger logger, string subject, StatusCode statusCode, string reason, int attempt, string position, double delayMilliseconds);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Event stream for {Subject} failed with {StatusCode} after {Attempts} consecutive attempts; giving up")]
    public static partial void ResumeAbandoned(ILogger logger, string subject, StatusCode statusCode, int attempts);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Event stream for {Subject} starts at the ledger height, block {BlockNumber}, so that a reconnection misses nothing")]
    public static partial void StartPinned(ILogger logger, string subject, ulong blockNumber);
}
