using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Access;

/// <summary>How emergency access (break-glass) works, or whether it is on at all.</summary>
public sealed class BreakGlassOptions
{
    /// <summary>Whether a stated emergency may override a denial. Turn it off where policy forbids break-glass.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The request header that carries the stated reason.</summary>
    public string HeaderName { get; set; } = "X-Break-Glass-Reason";

    /// <summary>The token claim that carries the stated reason, for identity providers that issue one.</summary>
    public string ClaimType { get; set; } = "break_glass_reason";

    /// <summary>How long an emergency override lasts from its start; after it the user must start a new one.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The shortest reason accepted, so "x" is no justification.</summary>
    public int MinimumReasonLength { get; set; } = 10;

    /// <summary>Roles allowed to break the glass (one suffices); empty lets any authenticated user.</summary>
    public IList<string> Roles { get; } = new List<string>();

    /// <summary>The purpose of use recorded for overridden access (HL7 v3 ETREAT: emergency treatment).</summary>
    public string PurposeOfUse { get; set; } = "ETREAT";
}
