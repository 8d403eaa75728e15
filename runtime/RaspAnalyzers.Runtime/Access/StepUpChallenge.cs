using System;
using System.Globalization;
using System.Linq;
using System.Security.Claims;

namespace RaspAnalyzers.Access;

/// <summary>
/// Checks a token's <c>acr</c> and <c>auth_time</c> against a <see cref="StepUpRequirement"/> and builds the
/// RFC 9470 challenge for a token that falls short.
/// </summary>
public static class StepUpChallenge
{
    /// <summary>The RFC 9470 error code.</summary>
    public const string ErrorCode = "insufficient_user_authentication";

    /// <summary>
    /// Returns null when <paramref name="user"/> meets <paramref name="requirement"/> at <paramref name="now"/>, else the
    /// <c>WWW-Authenticate</c> value to answer with.
    /// </summary>
    public static string? Evaluate(ClaimsPrincipal user, StepUpRequirement requirement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(requirement);
        var acr = user.FindFirst("acr")?.Value;
        var acrTooWeak = requirement.AcrValues.Count > 0 && (acr is null || !requirement.AcrValues.Contains(acr, StringComparer.Ordinal));

        var tooOld = false;
        if (requirement.MaxAge is { } maxAge)
        {
            var authTime = long.TryParse(
                user.FindFirst("auth_time")?.Value,
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
            tooOld = authTime is null || now - authTime.Value > maxAge;
        }

        if (!acrTooWeak && !tooOld)
        {
            return null;
        }

        var challenge = $"Bearer error=\"{ErrorCode}\", error_description=\""
            + (acrTooWeak ? "A different authentication level is required" : "More recent authentication is required") + "\"";
        if (requirement.AcrValues.Count > 0)
        {
            challenge += ", acr_values=\"" + string.Join(' ', requirement.AcrValues) + "\"";
        }

        if (requirement.MaxAge is { } age)
        {
            challenge += ", max_age=\"" + ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "\"";
        }

        return challenge;
    }
}
