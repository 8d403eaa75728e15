namespace RaspAnalyzers.Audit;

/// <summary>
/// What kind of event an audit record describes, after the type codes of FHIR AuditEvent (audit-event-type and
/// DICOM's security event codes).
/// </summary>
public enum AuditEventType
{
    /// <summary>A RESTful operation on an EHR resource: read, search, create, update, delete or an operation.</summary>
    RestOperation,

    /// <summary>A security alert: a guard decision, an authorization failure or an emergency override.</summary>
    SecurityAlert,

    /// <summary>A user authentication event, such as a step-up challenge.</summary>
    UserAuthentication,
}
