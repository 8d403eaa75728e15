using System;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Guards;

/// <summary>The default decision sink: one structured warning per decision, without the untrusted value.</summary>
public sealed class LoggingGuardDecisionSink : IGuardDecisionSink
{
    private readonly ILogger<LoggingGuardDecisionSink> _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="logger">The logger written to.</param>
    public LoggingGuardDecisionSink(ILogger<LoggingGuardDecisionSink> logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public void Record(in GuardDecision decision)
    {
        GuardLog.Decision(
            _logger, decision.AttackClass, decision.Outcome, decision.Sink, decision.Route ?? "-", decision.ValuePart,
            decision.ValueName ?? "-", decision.Reason, decision.RequestId ?? "-");
    }
}
