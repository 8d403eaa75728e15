using System;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Audit;

/// <summary>What the audit trail itself logs (never an event's content): event IDs 4100 to 4149.</summary>
internal static class AuditLogMessages
{
    private static readonly Action<ILogger, string, long, Exception?> OpenedMessage = LoggerMessage.Define<string, long>(
        LogLevel.Information,
        new EventId(4100, "AuditTrailOpened"),
        "Audit trail opened at {SegmentPath}; its chain continues after record {Sequence}");

    private static readonly Action<ILogger, string, Exception?> TornTailMessage = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(4101, "AuditTrailTornTail"),
        "The audit trail's last segment ends with a torn line; writing goes on in the new segment {SegmentPath}");

    private static readonly Action<ILogger, long, Exception?> DroppedMessage = LoggerMessage.Define<long>(
        LogLevel.Warning,
        new EventId(4102, "AuditEventDropped"),
        "The audit queue is full; {Dropped} events dropped since the last checkpoint");

    private static readonly Action<ILogger, Exception?> WriteFailedMessage = LoggerMessage.Define(
        LogLevel.Critical,
        new EventId(4103, "AuditTrailWriteFailed"),
        "The audit trail cannot write; new events are refused");

    private static readonly Action<ILogger, string, Exception?> ObserverFailedMessage = LoggerMessage.Define<string>(
        LogLevel.Error,
        new EventId(4104, "AuditObserverFailed"),
        "The audit record observer {Observer} failed; the trail itself is unaffected");

    private static readonly Action<ILogger, long, string, Exception?> ClosedMessage = LoggerMessage.Define<long, string>(
        LogLevel.Information,
        new EventId(4105, "AuditTrailClosed"),
        "Audit trail closed after record {Sequence} with a final checkpoint; head {Hash}");

    internal static void Opened(ILogger logger, string segmentPath, long sequence) =>
        OpenedMessage(logger, segmentPath, sequence, null);

    internal static void TornTail(ILogger logger, string segmentPath) => TornTailMessage(logger, segmentPath, null);

    internal static void Dropped(ILogger logger, long dropped) => DroppedMessage(logger, dropped, null);

    internal static void WriteFailed(ILogger logger, Exception exception) => WriteFailedMessage(logger, exception);

    internal static void ObserverFailed(ILogger logger, string observer, Exception exception) =>
        ObserverFailedMessage(logger, observer, exception);

    internal static void Closed(ILogger logger, long sequence, string hash) => ClosedMessage(logger, sequence, hash, null);
}
