namespace RaspAnalyzers;

/// <summary>
/// What an EHR endpoint does to the resource it serves, after the action codes of FHIR's AuditEvent.
/// </summary>
public enum EhrAction
{
    /// <summary>Reads one resource (FHIR action code R).</summary>
    Read,

    /// <summary>Searches or lists resources (FHIR action code E, a query).</summary>
    Search,

    /// <summary>Creates a resource (FHIR action code C).</summary>
    Create,

    /// <summary>Updates a resource (FHIR action code U).</summary>
    Update,

    /// <summary>Deletes a resource (FHIR action code D).</summary>
    Delete,

    /// <summary>Runs an operation that is none of the above (FHIR action code E).</summary>
    Execute,
}
