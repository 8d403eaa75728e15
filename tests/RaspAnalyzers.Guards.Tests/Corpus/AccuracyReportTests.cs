using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RaspAnalyzers.Guards.Tests.Corpus;
using Xunit.Abstractions;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>
/// The detection and false-block rates per attack class that docs/runtime.md reports. A value counts as detected
/// only when every dialect or style it is judged in reports it, and as a false block when any of them blocks it.
/// </summary>
public sealed class AccuracyReportTests(ITestOutputHelper output)
{
    private sealed record Rates(string Class, int Attacks, int Detected, int Benign, int FalseBlocks)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"| {Class} | {Attacks} | {Detected} | {100.0 * Detected / Attacks:F1}% | {Benign} | {FalseBlocks} | {100.0 * FalseBlocks / Benign:F1}% |");
    }

    private static Rates Measure(string name, string attacks, string benign, bool contextColumn, Func<CorpusEntry, IEnumerable<bool>> judge)
    {
        IReadOnlyList<CorpusEntry> attackEntries = CorpusFile.Read(attacks, contextColumn);
        IReadOnlyList<CorpusEntry> benignEntries = CorpusFile.Read(benign, contextColumn);
        return new Rates(
            name,
            attackEntries.Count,
            attackEntries.Count(e => judge(e).All(isAttack => isAttack)),
            benignEntries.Count,
            benignEntries.Count(e => judge(e).Any(isAttack => isAttack)));
    }

    [Fact]
    public void Rates_per_class_are_the_ones_documented()
    {
        Rates[] rates =
        [
            Measure("SQL", "sql-attacks.txt", "sql-benign.txt", contextColumn: true, entry => SqlCorpus.Dialects(entry).Select(d =>
                SqlInjectionDetector.Inspect(SqlCorpus.Statement(entry), d, CorpusFile.AsQuery(entry.Value)).IsAttack)),
            Measure("Path", "path-attacks.txt", "path-benign.txt", contextColumn: false, entry =>
                PathCorpusTests.Styles(entry).Select(s => PathCorpusTests.Judge(s, entry.Value).IsAttack)),
            Measure("Command", "command-attacks.txt", "command-benign.txt", contextColumn: false, entry =>
                CommandCorpusTests.Dialects(entry).Select(d => CommandCorpusTests.Judge(d, entry.Value).IsAttack)),
            Measure("SSRF", "ssrf-attacks.txt", "ssrf-benign.txt", contextColumn: true, entry => [SsrfCorpusTests.Judge(entry).IsAttack]),
        ];

        output.WriteLine("| class | attack values | detected | detection rate | benign values | blocked | false-block rate |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (Rates rate in rates)
        {
            output.WriteLine(rate.ToString());
        }

        Assert.Equal(
            [
                new Rates("SQL", 224, 222, 292, 2),
                new Rates("Path", 210, 208, 202, 0),
                new Rates("Command", 226, 223, 218, 0),
                new Rates("SSRF", 215, 214, 213, 0),
            ],
            rates);
    }
}
