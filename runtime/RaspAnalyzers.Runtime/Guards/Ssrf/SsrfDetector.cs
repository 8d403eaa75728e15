using System;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Decides whether an untrusted value supplied or altered where an outbound URL goes. A pure function of the
/// final URL, the untrusted values and the policy. The connect-time check (<see cref="SsrfConnectGuard"/>) covers
/// what a URL cannot show: the address a name resolves to.
/// </summary>
public static class SsrfDetector
{
    /// <summary>Inspects <paramref name="url"/> against <paramref name="values"/>.</summary>
    /// <param name="url">The URL as the HTTP client receives it.</param>
    /// <param name="values">The untrusted values of the current request.</param>
    /// <param name="policy">The allowed hosts, schemes and networks.</param>
    /// <returns>Clean, or the first attack found.</returns>
    public static DetectorVerdict Inspect(string url, ReadOnlySpan<UntrustedValue> values, SsrfPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(policy);
        int first = SqlInjectionDetector.IndexOfFirstOccurringValue(url, values);
        if (first < 0)
        {
            return DetectorVerdict.Clean;
        }

        // Resolvers and the URL standard drop leading blanks and control characters; so does the parser here.
        int offset = 0;
        while (offset < url.Length && url[offset] <= ' ')
        {
            offset++;
        }

        ReadOnlySpan<char> trimmed = url.AsSpan(offset);
        bool absolute = UrlAuthorityParser.TryParse(trimmed, out UrlParts parts);
        for (int v = first; v < values.Length; v++)
        {
            string? reason = JudgeValue(url, trimmed, offset, absolute, parts, values[v].Value, policy);
            if (reason is not null)
            {
                return DetectorVerdict.Attack(reason, v);
            }
        }

        return DetectorVerdict.Clean;
    }

    private static string? JudgeValue(
        string url, ReadOnlySpan<char> trimmed, int offset, bool absolute, UrlParts parts, string value, SsrfPolicy policy)
    {
        int at = url.IndexOf(value, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
        }

        if (!absolute)
        {
            // A relative reference is resolved against a fixed base, unless it starts a new authority itself.
            return at - offset <= 0
                && (value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith(@"\\", StringComparison.Ordinal))
                ? "supplies the authority"
                : null;
        }

        if (at - offset >= parts.AuthorityEnd)
        {
            return null;
        }

        if (!policy.IsSchemeAllowed(parts.Scheme(trimmed)))
        {
            return "supplies a scheme that is not allowed";
        }

        if (parts.HasUserInfo)
        {
            return "adds user information to the authority";
        }

        string host = parts.Host(trimmed).ToString();
        return policy.IsHostAllowed(host) ? null : "points the URL at a host that is not allowed";
    }
}
