using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Access;

/// <summary>
/// The authentication an endpoint needs, as the token's <c>acr</c> and <c>auth_time</c> claims state it. When the
/// token falls short, the caller gets the RFC 9470 challenge <c>insufficient_user_authentication</c>.
/// </summary>
public sealed record StepUpRequirement
{
    /// <summary>Acceptable authentication context class references, in order of preference; empty accepts any.</summary>
    public IReadOnlyList<string> AcrValues { get; init; } = Array.Empty<string>();

    /// <summary>The longest time since the user authenticated (<c>auth_time</c>); null sets no limit.</summary>
    public TimeSpan? MaxAge { get; init; }
}
