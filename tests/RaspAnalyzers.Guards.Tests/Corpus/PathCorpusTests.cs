using System;
using RaspAnalyzers.Guards.Tests.Corpus;

namespace RaspAnalyzers.Guards.Tests;

public sealed class PathCorpusTests
{
    public const string UnixRoot = "/srv/ehr/documents";
    public const string WindowsRoot = @"C:\ehr\documents";

    public static TheoryData<CorpusEntry> Attacks => CorpusFile.Rows("path-attacks.txt", contextColumn: false);

    public static TheoryData<CorpusEntry> Benign => CorpusFile.Rows("path-benign.txt", contextColumn: false);

    public static PathStyle[] Styles(CorpusEntry entry) => entry.Tag switch
    {
        "" => [PathStyle.Unix, PathStyle.Windows],
        "unix" => [PathStyle.Unix],
        "windows" => [PathStyle.Windows],
        _ => throw new InvalidOperationException($"Unknown style tag '{entry.Tag}' at {entry}."),
    };

    /// <summary>What Path.Combine(root, value) gives under <paramref name="style"/>: an absolute value replaces the root.</summary>
    public static string Combine(PathStyle style, string value)
    {
        string root = style == PathStyle.Windows ? WindowsRoot : UnixRoot;
        bool rooted = style == PathStyle.Windows
            ? PathCanonicalizer.IsAbsolute(value)
            : value.StartsWith('/');
        return rooted ? value : root + (style == PathStyle.Windows ? @"\" : "/") + value;
    }

    public static DetectorVerdict Judge(PathStyle style, string value)
    {
        string root = style == PathStyle.Windows ? WindowsRoot : UnixRoot;
        string baseDirectory = style == PathStyle.Windows ? @"C:\app" : "/app";
        return PathTraversalDetector.Inspect(Combine(style, value), CorpusFile.AsQuery(value), style, [root], baseDirectory);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_is_detected_under_each_style(CorpusEntry entry)
    {
        foreach (PathStyle style in Styles(entry))
        {
            DetectorVerdict verdict = Judge(style, entry.Value);
            Assert.True(verdict.IsAttack != entry.KnownWrong, $"{style}: {Combine(style, entry.Value)}");
        }
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void Benign_value_passes_under_each_style(CorpusEntry entry)
    {
        foreach (PathStyle style in Styles(entry))
        {
            DetectorVerdict verdict = Judge(style, entry.Value);
            Assert.True(verdict.IsAttack == entry.KnownWrong, $"{style}: {verdict} for {Combine(style, entry.Value)}");
        }
    }
}
