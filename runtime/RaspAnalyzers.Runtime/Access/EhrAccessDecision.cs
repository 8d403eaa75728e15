using System.Collections.Generic;

namespace RaspAnalyzers.Access;

/// <summary>The access rules' decision about one request, and why.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Reason">Why, in a sentence without PHI, for the audit trail and logs.</param>
/// <param name="Challenge">For <see cref="EhrAccessOutcome.StepUpRequired"/>, the WWW-Authenticate value to send.</param>
public sealed record EhrAccessDecision(EhrAccessOutcome Outcome, string Reason, string? Challenge = null)
{
    /// <summary>Whether the request may go on.</summary>
    public bool Allowed => Outcome is EhrAccessOutcome.Permit or EhrAccessOutcome.EmergencyOverride;

    /// <summary>The HTTP status to answer when the request may not go on.</summary>
    public int StatusCode => Outcome switch
    {
        EhrAccessOutcome.Unauthenticated or EhrAccessOutcome.StepUpRequired => 401,
        EhrAccessOutcome.Deny => 403,
        _ => 200,
    };

    internal IReadOnlyList<string> FailedRequirements { get; init; } = System.Array.Empty<string>();
}
