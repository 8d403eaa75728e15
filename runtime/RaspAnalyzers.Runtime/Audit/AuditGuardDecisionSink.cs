using System;
using System.Collections.Generic;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Writes every guard decision into the audit trail as a security alert, so that a monitored or blocked attack
/// is part of the tamper-evident record. Registered by <c>AddRaspAudit</c> beside the guards' other sinks.
/// </summary>
public sealed class AuditGuardDecisionSink : IGuardDecisionSink
{
    private readonly IAuditTrail _trail;

    /// <summary>Writes decisions into <paramref name="trail"/>.</summary>
    /// <param name="trail">The audit trail.</param>
    public AuditGuardDecisionSink(IAuditTrail trail) => _trail = trail ?? throw new ArgumentNullException(nameof(trail));

    /// <inheritdoc />
    public void Record(in GuardDecision decision)
    {
        var blocked = decision.Outcome == GuardOutcome.Blocked;
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["attackClass"] = decision.AttackClass.ToString(),
            ["mode"] = decision.Mode.ToString(),
            ["sink"] = decision.Sink,
            ["valuePart"] = decision.ValuePart.ToString(),
        };

        if (decision.Route is { } route)
        {
            details["route"] = route;
        }

        if (decision.ValueName is { } name)
        {
            details["valueName"] = name;
        }

        var auditEvent = new AuditEvent
        {
            Type = AuditEventType.SecurityAlert,
            Subtype = AuditEventSubtype.GuardDecision,
            Action = AuditAction.Execute,
            OccurredAt = decision.Timestamp,

            // A blocked call did not happen: a minor failure of the request, as FHIR grades outcomes.
            Outcome = blocked ? AuditOutcome.MinorFailure : AuditOutcome.Success,
            PolicyDecision = blocked ? AuditPolicyDecision.Blocked : AuditPolicyDecision.Monitored,
            RequestId = decision.RequestId,
            Reason = decision.Reason,
            Details = details,
        };

        // A guard runs on the request's own thread: it must never wait for the trail. A full queue is the trail's
        // to account for, by its stated policy.
        _trail.TryAppend(auditEvent);
    }
}
