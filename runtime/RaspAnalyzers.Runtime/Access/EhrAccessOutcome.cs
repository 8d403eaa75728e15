namespace RaspAnalyzers.Access;

/// <summary>What the access rules decided for a request.</summary>
public enum EhrAccessOutcome
{
    /// <summary>The rules permit the request.</summary>
    Permit,

    /// <summary>The caller is not authenticated (answer 401).</summary>
    Unauthenticated,

    /// <summary>The rules deny the request and no emergency override applies (answer 403).</summary>
    Deny,

    /// <summary>The rules deny the request and an active emergency override permits it.</summary>
    EmergencyOverride,

    /// <summary>The token's authentication is too weak or too old (answer 401 with the RFC 9470 challenge).</summary>
    StepUpRequired,
}
