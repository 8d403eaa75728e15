using System;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Finds the scheme and authority of an absolute URL with the leniency of the WHATWG URL standard, which is what
/// attackers aim at: backslashes count as slashes for web schemes, any number of slashes may follow the colon,
/// and the last <c>@</c> ends the user information.
/// </summary>
public static class UrlAuthorityParser
{
    /// <summary>Parses the scheme and authority of <paramref name="url"/>.</summary>
    /// <param name="url">A URL whose leading blanks and control characters have been trimmed.</param>
    /// <param name="parts">The ranges found.</param>
    /// <returns>False when <paramref name="url"/> has no scheme, that is, it is relative.</returns>
    public static bool TryParse(ReadOnlySpan<char> url, out UrlParts parts)
    {
        parts = default;
        int colon = SchemeEnd(url);
        if (colon <= 0)
        {
            return false;
        }

        bool special = IsSpecial(url.Slice(0, colon));
        int authorityStart = colon + 1;
        if (special)
        {
            while (authorityStart < url.Length && url[authorityStart] is '/' or '\\')
            {
                authorityStart++;
            }
        }
        else if (url.Slice(authorityStart).StartsWith("//"))
        {
            authorityStart += 2;
        }
        else
        {
            parts = new UrlParts(colon, authorityStart, authorityStart, authorityStart, authorityStart, false);
            return true;
        }

        ReadOnlySpan<char> rest = url.Slice(authorityStart);
        int authorityLength = special ? rest.IndexOfAny("/\\?#") : rest.IndexOfAny("/?#");
        authorityLength = authorityLength < 0 ? rest.Length : authorityLength;
        ReadOnlySpan<char> authority = rest.Slice(0, authorityLength);

        int at = authority.LastIndexOf('@');
        int hostStart = at + 1;
        ReadOnlySpan<char> hostAndPort = authority.Slice(hostStart);
        int hostLength;
        if (hostAndPort.StartsWith("["))
        {
            int close = hostAndPort.IndexOf(']');
            hostLength = close < 0 ? hostAndPort.Length : close + 1;
        }
        else
        {
            int portColon = hostAndPort.LastIndexOf(':');
            hostLength = portColon < 0 ? hostAndPort.Length : portColon;
        }

        parts = new UrlParts(
            colon,
            authorityStart,
            authorityStart + authorityLength,
            authorityStart + hostStart,
            authorityStart + hostStart + hostLength,
            at >= 0);
        return true;
    }

    /// <summary>True for the schemes the URL standard treats as special (web and file schemes).</summary>
    /// <param name="scheme">A scheme without its colon.</param>
    /// <returns>True for http, https, ws, wss, ftp and file.</returns>
    public static bool IsSpecial(ReadOnlySpan<char> scheme) =>
        scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("ws", StringComparison.OrdinalIgnoreCase) || scheme.Equals("wss", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase) || scheme.Equals("file", StringComparison.OrdinalIgnoreCase);

    private static int SchemeEnd(ReadOnlySpan<char> url)
    {
        if (url.IsEmpty || !char.IsAsciiLetter(url[0]))
        {
            return -1;
        }

        for (int i = 1; i < url.Length; i++)
        {
            char c = url[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return -1;
            }
        }

        return -1;
    }
}
