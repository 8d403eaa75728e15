namespace RaspAnalyzers.Audit;

/// <summary>The action taken on the resource, after FHIR AuditEvent's action codes (C, R, U, D, E).</summary>
public enum AuditAction
{
    /// <summary>Create (FHIR code C).</summary>
    Create,

    /// <summary>Read, view or print (FHIR code R).</summary>
    Read,

    /// <summary>Update (FHIR code U).</summary>
    Update,

    /// <summary>Delete (FHIR code D).</summary>
    Delete,

    /// <summary>Execute: a query, a search or an operation (FHIR code E).</summary>
    Execute,
}
