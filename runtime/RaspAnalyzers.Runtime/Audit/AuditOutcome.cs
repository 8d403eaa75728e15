namespace RaspAnalyzers.Audit;

/// <summary>How the audited action ended, after FHIR AuditEvent's outcome codes (0, 4, 8, 12).</summary>
public enum AuditOutcome
{
    /// <summary>The action succeeded (FHIR code 0).</summary>
    Success,

    /// <summary>The action failed in a minor way, such as a denied request (FHIR code 4).</summary>
    MinorFailure,

    /// <summary>The action failed seriously, such as a blocked attack (FHIR code 8).</summary>
    SeriousFailure,

    /// <summary>The action failed in a major way, such as a server error (FHIR code 12).</summary>
    MajorFailure,
}
