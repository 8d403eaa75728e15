using System;
using RaspAnalyzers.Guards.Tests.Corpus;

namespace RaspAnalyzers.Guards.Tests;

public sealed class SsrfCorpusTests
{
    public static readonly SsrfPolicy Policy = new(
        ["fhir.example-hospital.org", "terminology.example-hospital.org", "api.ehr-partner.com", "*.hl7.org"], [], []);

    public static TheoryData<CorpusEntry> Attacks => CorpusFile.Rows("ssrf-attacks.txt", contextColumn: true);

    public static TheoryData<CorpusEntry> Benign => CorpusFile.Rows("ssrf-benign.txt", contextColumn: true);

    public static string Url(CorpusEntry entry) => entry.Context switch
    {
        "full" => entry.Value,
        "host" => "https://" + entry.Value + "/fhir/metadata",
        "query" => "https://fhir.example-hospital.org/r4/Patient?name=" + entry.Value,
        _ => throw new InvalidOperationException($"Unknown template '{entry.Context}' at {entry}."),
    };

    public static DetectorVerdict Judge(CorpusEntry entry) => SsrfDetector.Inspect(Url(entry), CorpusFile.AsQuery(entry.Value), Policy);

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_is_detected(CorpusEntry entry)
    {
        Assert.True(Judge(entry).IsAttack != entry.KnownWrong, Url(entry));
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void Benign_value_passes(CorpusEntry entry)
    {
        DetectorVerdict verdict = Judge(entry);
        Assert.True(verdict.IsAttack == entry.KnownWrong, $"{verdict} for {Url(entry)}");
    }
}
