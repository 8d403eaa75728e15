namespace RaspAnalyzers.Audit;

/// <summary>What the access rules or a guard decided about the request.</summary>
public enum AuditPolicyDecision
{
    /// <summary>No rule was evaluated for this event.</summary>
    NotEvaluated,

    /// <summary>The rules permitted the request.</summary>
    Permit,

    /// <summary>The rules denied the request.</summary>
    Deny,

    /// <summary>The rules denied the request and an emergency override permitted it.</summary>
    EmergencyOverride,

    /// <summary>The request needs stronger authentication than its token carries.</summary>
    StepUpRequired,

    /// <summary>A guard found an attack and only recorded it (monitor mode).</summary>
    Monitored,

    /// <summary>A guard found an attack and blocked it.</summary>
    Blocked,
}
