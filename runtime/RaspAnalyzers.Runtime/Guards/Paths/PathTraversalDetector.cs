using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Decides whether an untrusted value steered a file path out of where the application meant it to go. A pure
/// function of the final path, the untrusted values, the path rules and the allowed roots.
/// </summary>
public static class PathTraversalDetector
{
    /// <summary>Inspects <paramref name="path"/> against <paramref name="values"/>.</summary>
    /// <param name="path">The path as the file API receives it.</param>
    /// <param name="values">The untrusted values of the current request.</param>
    /// <param name="style">Unix or Windows rules, or Auto for the running system.</param>
    /// <param name="allowedRoots">Directories the path must stay under; empty to judge the values alone.</param>
    /// <param name="baseDirectory">The directory a relative path is resolved against.</param>
    /// <returns>Clean, or the first attack found.</returns>
    public static DetectorVerdict Inspect(
        string path, ReadOnlySpan<UntrustedValue> values, PathStyle style, IReadOnlyList<string> allowedRoots, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(allowedRoots);
        style = PathCanonicalizer.Resolve(style);

        int firstOccurring = -1;
        for (int i = 0; i < values.Length; i++)
        {
            string value = values[i].Value;
            int at = path.IndexOf(value, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            firstOccurring = firstOccurring < 0 ? i : firstOccurring;
            string? reason = JudgeValue(PathCanonicalizer.Decode(value), style, valueStartsPath: at == 0);
            if (reason is not null)
            {
                return DetectorVerdict.Attack(reason, i);
            }
        }

        if (allowedRoots.Count == 0)
        {
            return DetectorVerdict.Clean;
        }

        string canonical = PathCanonicalizer.Canonicalize(path, baseDirectory, style);
        foreach (string root in allowedRoots)
        {
            if (PathCanonicalizer.IsUnder(canonical, PathCanonicalizer.Canonicalize(root, baseDirectory, style), style))
            {
                return DetectorVerdict.Clean;
            }
        }

        return DetectorVerdict.Attack("leaves the allowed roots", firstOccurring);
    }

    private static string? JudgeValue(string decoded, PathStyle style, bool valueStartsPath)
    {
        foreach (char c in decoded)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
        }

        if (PathCanonicalizer.HasParentSegment(decoded, style))
        {
            return "climbs with a dot-dot segment";
        }

        if (valueStartsPath && PathCanonicalizer.IsAbsolute(decoded))
        {
            return "supplies an absolute path";
        }

        // On Windows a colon after the drive names an alternate data stream or a device ("file.txt::$DATA").
        int colon = decoded.IndexOf(':', valueStartsPath && PathCanonicalizer.IsAbsolute(decoded) ? 2 : 0);
        if (style == PathStyle.Windows && colon >= 0)
        {
            return "names a stream or device";
        }

        return null;
    }
}
