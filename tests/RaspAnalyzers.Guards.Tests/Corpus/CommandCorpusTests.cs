using System;
using RaspAnalyzers.Guards.Tests.Corpus;

namespace RaspAnalyzers.Guards.Tests;

public sealed class CommandCorpusTests
{
    public static TheoryData<CorpusEntry> Attacks => CorpusFile.Rows("command-attacks.txt", contextColumn: false);

    public static TheoryData<CorpusEntry> Benign => CorpusFile.Rows("command-benign.txt", contextColumn: false);

    public static ShellDialect[] Dialects(CorpusEntry entry) => entry.Tag switch
    {
        "" => [ShellDialect.PosixShell, ShellDialect.Cmd],
        "sh" => [ShellDialect.PosixShell],
        "cmd" => [ShellDialect.Cmd],
        _ => throw new InvalidOperationException($"Unknown shell tag '{entry.Tag}' at {entry}."),
    };

    public static string CommandLine(ShellDialect dialect, string value) => dialect == ShellDialect.Cmd
        ? $@"C:\tools\dicom-convert.exe --input {value} --format png"
        : $"/usr/local/bin/dicom-convert --input {value} --format png";

    public static DetectorVerdict Judge(ShellDialect dialect, string value) =>
        CommandInjectionDetector.InspectShell(CommandLine(dialect, value), dialect, CorpusFile.AsQuery(value));

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_is_detected_in_each_shell(CorpusEntry entry)
    {
        foreach (ShellDialect dialect in Dialects(entry))
        {
            DetectorVerdict verdict = Judge(dialect, entry.Value);
            Assert.True(verdict.IsAttack != entry.KnownWrong, $"{dialect}: {CommandLine(dialect, entry.Value)}");
        }
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void Benign_value_passes_in_each_shell(CorpusEntry entry)
    {
        foreach (ShellDialect dialect in Dialects(entry))
        {
            DetectorVerdict verdict = Judge(dialect, entry.Value);
            Assert.True(verdict.IsAttack == entry.KnownWrong, $"{dialect}: {verdict} for {CommandLine(dialect, entry.Value)}");
        }
    }
}
