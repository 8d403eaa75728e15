using System;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Forwards each written record to <see cref="ILogger"/> (category RaspAnalyzers.Audit.Records, event ID 4120), where
/// an OpenTelemetry log exporter or a SIEM collector picks it up. The record is the trail's own, PHI already
/// pseudonymized; its sequence number and hash let the SIEM check it against the trail.
/// </summary>
public sealed class LoggerAuditRecordObserver : IAuditRecordObserver
{
    /// <summary>The logging category of forwarded records.</summary>
    public const string Category = "RaspAnalyzers.Audit.Records";

    private static readonly Action<ILogger, string, long, string, string, Exception?> RecordMessage =
        LoggerMessage.Define<string, long, string, string>(
            LogLevel.Information,
            new EventId(4120, "AuditRecord"),
            "Audit {Kind} {Sequence} {Hash} {Record}");

    private readonly ILogger _logger;

    /// <summary>Forwards to a logger of the category <see cref="Category"/>.</summary>
    public LoggerAuditRecordObserver(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger(Category);
    }

    /// <inheritdoc />
    public void OnRecordWritten(AuditRecordWritten record)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            RecordMessage(_logger, record.Kind, record.Sequence, record.Hash, Encoding.UTF8.GetString(record.Record.Span), null);
        }
    }
}
