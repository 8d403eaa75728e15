using System;

namespace RaspAnalyzers.Guards;

/// <summary>Where the scheme, authority and host of an absolute URL lie, as character ranges of the URL.</summary>
/// <param name="SchemeLength">The length of the scheme, which starts at index 0 after leading blanks are removed.</param>
/// <param name="AuthorityStart">The index of the authority's first character.</param>
/// <param name="AuthorityEnd">The index just past the authority.</param>
/// <param name="HostStart">The index of the host's first character.</param>
/// <param name="HostEnd">The index just past the host.</param>
/// <param name="HasUserInfo">True when the authority carries user information before an <c>@</c>.</param>
public readonly record struct UrlParts(int SchemeLength, int AuthorityStart, int AuthorityEnd, int HostStart, int HostEnd, bool HasUserInfo)
{
    /// <summary>The scheme of <paramref name="url"/>.</summary>
    /// <param name="url">The URL these parts were parsed from.</param>
    /// <returns>The scheme's characters.</returns>
    public ReadOnlySpan<char> Scheme(ReadOnlySpan<char> url) => url.Slice(0, SchemeLength);

    /// <summary>The host of <paramref name="url"/>, brackets of an IPv6 literal included.</summary>
    /// <param name="url">The URL these parts were parsed from.</param>
    /// <returns>The host's characters.</returns>
    public ReadOnlySpan<char> Host(ReadOnlySpan<char> url) => url.Slice(HostStart, HostEnd - HostStart);
}
