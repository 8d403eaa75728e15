using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Names and finds the files of a trail. A trail is a sequence of segments <c>PREFIX-000001.jsonl</c>,
/// <c>PREFIX-000002.jsonl</c>, ...; the chain runs on from the last record of one segment into the next.
/// </summary>
public static class AuditSegmentFiles
{
    /// <summary>The file name extension of a segment.</summary>
    public const string Extension = ".jsonl";

    /// <summary>The path of segment <paramref name="index"/> (from 1) in <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, string prefix, int index) =>
        Path.Combine(directory, prefix + "-" + index.ToString("D6", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segments of the trail in <paramref name="directory"/>, in chain order.</summary>
    public static IReadOnlyList<string> List(string directory, string prefix)
    {
        var segments = new List<(int Index, string Path)>();
        if (!Directory.Exists(directory))
        {
            return Array.Empty<string>();
        }

        foreach (var path in Directory.EnumerateFiles(directory, prefix + "-*" + Extension))
        {
            if (TryParseIndex(Path.GetFileName(path), prefix, out var index))
            {
                segments.Add((index, path));
            }
        }

        segments.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return segments.ConvertAll(static s => s.Path);
    }

    internal static bool TryParseIndex(string fileName, string prefix, out int index)
    {
        index = 0;
        var digits = fileName.Length - prefix.Length - 1 - Extension.Length;
        return digits == 6
            && fileName.StartsWith(prefix + "-", StringComparison.Ordinal)
            && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && int.TryParse(fileName.AsSpan(prefix.Length + 1, digits), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index > 0;
    }
}
