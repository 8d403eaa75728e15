using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Access;

/// <summary>
/// What an EHR endpoint requires of its caller: roles, claims and named authorization policies (all evaluated through
/// ASP.NET Core's <c>IAuthorizationService</c>), optionally a stronger authentication, and whether an emergency
/// override may lift a denial.
/// </summary>
public sealed record EhrAccessRule
{
    /// <summary>The FHIR resource type the endpoint serves, for the audit trail.</summary>
    public required string Resource { get; init; }

    /// <summary>What the endpoint does to the resource.</summary>
    public required EhrAction Action { get; init; }

    /// <summary>The caller needs at least one of these roles; empty means any authenticated caller.</summary>
    public IReadOnlyList<string> Roles { get; init; } = Array.Empty<string>();

    /// <summary>The caller needs each claim type listed, with one of its values (no values: any value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Claims { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Named authorization policies the caller must all satisfy.</summary>
    public IReadOnlyList<string> Policies { get; init; } = Array.Empty<string>();

    /// <summary>The authentication the endpoint needs beyond the rules above; null needs none.</summary>
    public StepUpRequirement? StepUp { get; init; }

    /// <summary>Whether a break-glass request may override a denial of the rules above.</summary>
    public bool AllowBreakGlass { get; init; } = true;

    /// <summary>The route value that holds the patient's identifier, for the audit trail; null if none.</summary>
    public string? PatientRouteValue { get; init; }

    /// <summary>The route value that holds the resource's identifier, for the audit trail; null if none.</summary>
    public string? ResourceRouteValue { get; init; }
}
