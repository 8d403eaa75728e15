using System;
using System.Collections.Generic;
using System.IO;

namespace RaspAnalyzers.Guards.Tests.Corpus;

/// <summary>One line of an accuracy corpus file.</summary>
/// <param name="File">The file it came from.</param>
/// <param name="Line">Its line number.</param>
/// <param name="Context">The template it goes into (before a tab), or empty.</param>
/// <param name="Tag">The dialect or style it is limited to (after @), or empty for all.</param>
/// <param name="Value">The value, with {LF}, {CR}, {TAB} and {NUL} turned into those characters.</param>
/// <param name="KnownWrong">True for a line marked "[known] ": a value the detector is known to judge wrongly.</param>
public sealed record CorpusEntry(string File, int Line, string Context, string Tag, string Value, bool KnownWrong)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Reads the corpus files copied next to the test assembly.</summary>
public static class CorpusFile
{
    /// <summary>Reads a corpus file; with <paramref name="contextColumn"/> the first tab-separated column is the context.</summary>
    public static IReadOnlyList<CorpusEntry> Read(string name, bool contextColumn)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Corpus", name);
        var entries = new List<CorpusEntry>();
        string[] lines = System.IO.File.ReadAllLines(path);
        bool inHeader = true;
        for (int i = 0; i < lines.Length; i++)
        {
            // Comments are allowed only in the leading header, since "#" starts real shell and MySQL payloads.
            string line = lines[i];
            inHeader &= line.StartsWith('#');
            if (line.Length == 0 || inHeader)
            {
                continue;
            }

            const string KnownMarker = "[known] ";
            bool knownWrong = line.StartsWith(KnownMarker, StringComparison.Ordinal);
            line = knownWrong ? line.Substring(KnownMarker.Length) : line;
            string context = string.Empty;
            string tag = string.Empty;
            if (contextColumn)
            {
                int tab = line.IndexOf('\t');
                context = line.Substring(0, tab);
                line = line.Substring(tab + 1);
                int at = context.IndexOf('@');
                if (at >= 0)
                {
                    tag = context.Substring(at + 1);
                    context = context.Substring(0, at);
                }
            }
            else
            {
                int tab = line.LastIndexOf("\t@", StringComparison.Ordinal);
                if (tab >= 0)
                {
                    tag = line.Substring(tab + 2);
                    line = line.Substring(0, tab);
                }
            }

            string value = line.Replace("{LF}", "\n").Replace("{CR}", "\r").Replace("{TAB}", "\t").Replace("{NUL}", "\0");
            entries.Add(new CorpusEntry(name, i + 1, context, tag, value, knownWrong));
        }

        return entries;
    }

    /// <summary>The entries as xUnit theory rows.</summary>
    public static TheoryData<CorpusEntry> Rows(string name, bool contextColumn)
    {
        var data = new TheoryData<CorpusEntry>();
        foreach (CorpusEntry entry in Read(name, contextColumn))
        {
            data.Add(entry);
        }

        return data;
    }

    /// <summary>The value as the only untrusted value of a query parameter named "q".</summary>
    public static UntrustedValue[] AsQuery(string value) => [new UntrustedValue(RequestPart.Query, "q", value)];
}
