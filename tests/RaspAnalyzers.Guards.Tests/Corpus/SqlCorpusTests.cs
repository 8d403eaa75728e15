using RaspAnalyzers.Guards.Tests.Corpus;

namespace RaspAnalyzers.Guards.Tests;

public sealed class SqlCorpusTests
{
    public static TheoryData<CorpusEntry> Attacks => CorpusFile.Rows("sql-attacks.txt", contextColumn: true);

    public static TheoryData<CorpusEntry> Benign => CorpusFile.Rows("sql-benign.txt", contextColumn: true);

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_is_detected_in_every_dialect(CorpusEntry entry)
    {
        string statement = SqlCorpus.Statement(entry);
        foreach (SqlDialect dialect in SqlCorpus.Dialects(entry))
        {
            DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, dialect, CorpusFile.AsQuery(entry.Value));
            Assert.True(verdict.IsAttack != entry.KnownWrong, $"{dialect}: {statement}");
            Assert.Equal(entry.KnownWrong ? -1 : 0, verdict.ValueIndex);
        }
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void Benign_value_passes_in_every_dialect(CorpusEntry entry)
    {
        string statement = SqlCorpus.Statement(entry);
        foreach (SqlDialect dialect in SqlCorpus.Dialects(entry))
        {
            DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, dialect, CorpusFile.AsQuery(entry.Value));
            Assert.True(verdict.IsAttack == entry.KnownWrong, $"{dialect}: {verdict} in {statement}");
        }
    }
}
