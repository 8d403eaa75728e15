namespace RaspAnalyzers.Audit;

/// <summary>What exactly happened within an <see cref="AuditEventType"/>.</summary>
public enum AuditEventSubtype
{
    /// <summary>One resource was read.</summary>
    Read,

    /// <summary>Resources were searched or listed.</summary>
    Search,

    /// <summary>A resource was created.</summary>
    Create,

    /// <summary>A resource was updated.</summary>
    Update,

    /// <summary>A resource was deleted.</summary>
    Delete,

    /// <summary>An operation that is none of the above ran.</summary>
    Operation,

    /// <summary>A runtime guard judged a request (blocked it, or only recorded it in monitor mode).</summary>
    GuardDecision,

    /// <summary>Access was denied by the endpoint's access rules.</summary>
    AccessDenied,

    /// <summary>An emergency override (break-glass) began.</summary>
    EmergencyOverrideStarted,

    /// <summary>An emergency override (break-glass) ended.</summary>
    EmergencyOverrideStopped,

    /// <summary>The request was answered with a step-up authentication challenge.</summary>
    StepUpChallenge,

    /// <summary>A token was refused because it had been presented before, or its session was idle too long.</summary>
    SessionRefused,
}
