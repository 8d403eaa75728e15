using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Audit;

/// <summary>
/// One auditable happening, shaped after FHIR AuditEvent and IHE Basic Audit Log Patterns: who did what to which
/// resource of which patient, from where, why, with which outcome and which policy decision.
/// </summary>
/// <remarks>
/// Members marked <see cref="PhiSensitiveAttribute"/> hold PHI or HIPAA identifiers; the trail never stores them in
/// clear but as keyed pseudonyms of the redactor registered for <see cref="PhiTaxonomy.Phi"/>. Every other member is
/// stored as given, so <see cref="Details"/> must never carry PHI.
/// </remarks>
public sealed record AuditEvent
{
    /// <summary>The kind of event.</summary>
    public required AuditEventType Type { get; init; }

    /// <summary>What exactly happened.</summary>
    public required AuditEventSubtype Subtype { get; init; }

    /// <summary>The action taken on the resource.</summary>
    public required AuditAction Action { get; init; }

    /// <summary>Whether the event records the start of an access or its outcome.</summary>
    public AuditStage Stage { get; init; } = AuditStage.Outcome;

    /// <summary>How the action ended; meaningful when <see cref="Stage"/> is <see cref="AuditStage.Outcome"/>.</summary>
    public AuditOutcome Outcome { get; init; } = AuditOutcome.Success;

    /// <summary>When the event happened. The trail adds the time it recorded the event.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The identifier of the user (workforce member or patient) who acted, if known.</summary>
    public string? UserId { get; init; }

    /// <summary>The user's roles at the time of the event.</summary>
    public IReadOnlyList<string> UserRoles { get; init; } = Array.Empty<string>();

    /// <summary>The purpose of use, as a code of HL7's v3 PurposeOfUse ("TREAT", "ETREAT", "HPAYMT", ...).</summary>
    public string? PurposeOfUse { get; init; }

    /// <summary>The client's network address. A HIPAA identifier: stored as a pseudonym.</summary>
    [PhiSensitive(Identifier = "IP address")]
    public string? ClientAddress { get; init; }

    /// <summary>The server that handled the request, such as its host name.</summary>
    public string? Server { get; init; }

    /// <summary>The patient whose record was touched. PHI: stored as a pseudonym.</summary>
    [PhiSensitive(Identifier = "medical record number")]
    public string? PatientId { get; init; }

    /// <summary>The FHIR resource type touched, such as "Patient" or "Observation".</summary>
    public string? ResourceType { get; init; }

    /// <summary>The identifier of the resource touched. It can identify a patient: stored as a pseudonym.</summary>
    [PhiSensitive(Identifier = "record identifier")]
    public string? ResourceId { get; init; }

    /// <summary>The request's identifier, to correlate the event with traces and logs.</summary>
    public string? RequestId { get; init; }

    /// <summary>What the access rules or a guard decided.</summary>
    public AuditPolicyDecision PolicyDecision { get; init; } = AuditPolicyDecision.NotEvaluated;

    /// <summary>
    /// A stated reason, such as a break-glass justification. Free text a clinician types can name a patient, so it is
    /// stored as a pseudonym; keep the clear text, where policy needs it, in the clinical record itself.
    /// </summary>
    [PhiSensitive(Identifier = "free text")]
    public string? Reason { get; init; }

    /// <summary>
    /// Further coded facts, such as a guard's attack class, sink and route. Stored in clear: never put PHI here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = EmptyDetails;

    private static readonly IReadOnlyDictionary<string, string> EmptyDetails =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
