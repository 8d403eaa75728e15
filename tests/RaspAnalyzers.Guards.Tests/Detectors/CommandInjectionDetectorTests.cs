using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace RaspAnalyzers.Guards.Tests;

public sealed class CommandInjectionDetectorTests
{
    private static UntrustedValue[] Value(string value) => [new UntrustedValue(RequestPart.Form, "file", value)];

    private static List<(ShellTokenKind, string)> Tokens(string line, ShellDialect dialect)
    {
        var result = new List<(ShellTokenKind, string)>();
        var tokenizer = new ShellTokenizer(line, dialect);
        while (tokenizer.TryRead(out ShellToken token))
        {
            result.Add((token.Kind, line.Substring(token.Start, token.Length)));
        }

        return result;
    }

    [Fact]
    public void Sh_tokenizer_tracks_quotes_substitutions_and_operators()
    {
        var tokens = Tokens("convert 'a;b' \"c $(id) $HOME\" x|y 2>err # c", ShellDialect.PosixShell);

        Assert.Equal(
            [
                (ShellTokenKind.Text, "convert"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Quote, "'"),
                (ShellTokenKind.Text, "a;b"),
                (ShellTokenKind.Quote, "'"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Quote, "\""), (ShellTokenKind.Text, "c "),
                (ShellTokenKind.Substitution, "$(id)"), (ShellTokenKind.Text, " "), (ShellTokenKind.Variable, "$HOME"),
                (ShellTokenKind.Quote, "\""), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Text, "x"), (ShellTokenKind.Operator, "|"),
                (ShellTokenKind.Text, "y"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Text, "2"), (ShellTokenKind.Redirection, ">"),
                (ShellTokenKind.Text, "err"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Comment, "# c"),
            ],
            tokens);
    }

    [Fact]
    public void Cmd_tokenizer_reads_carets_variables_and_operators()
    {
        var tokens = Tokens("type \"a&b\" %TEMP%\\x ^& y&&z", ShellDialect.Cmd);

        Assert.Equal(
            [
                (ShellTokenKind.Text, "type"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Quote, "\""), (ShellTokenKind.Text, "a&b"),
                (ShellTokenKind.Quote, "\""), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Variable, "%TEMP%"),
                (ShellTokenKind.Text, "\\x"),
                (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Text, "^&"), (ShellTokenKind.Whitespace, " "), (ShellTokenKind.Text, "y"),
                (ShellTokenKind.Operator, "&&"), (ShellTokenKind.Text, "z"),
            ],
            tokens);
    }

    [Theory]
    [InlineData("convert a.dcm; id", "a.dcm; id", "chains a command")]
    [InlineData("convert a.dcm b.dcm", "a.dcm b.dcm", "adds an argument")]
    [InlineData("convert a.dcm;id", "a.dcm;id", "chains a command")]
    [InlineData("convert $(id)", "$(id)", "substitutes a command")]
    [InlineData("convert \"$(id)\"", "$(id)", "substitutes a command")]
    [InlineData("convert 'x'\\''; id'", "x'\\''; id", "breaks out of quoting")]
    [InlineData("/usr/bin/evil --x", "/usr/bin/evil", "names the executable")]
    [InlineData("convert --output=/etc/passwd", "--output=/etc/passwd", "injects an option")]
    public void Shell_attack_is_reported_with_its_reason(string commandLine, string value, string reason)
    {
        DetectorVerdict verdict = CommandInjectionDetector.InspectShell(commandLine, ShellDialect.PosixShell, Value(value));

        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("convert 'a;b $(id)'", "a;b $(id)")]
    [InlineData("convert \"O'Brien scan.dcm\"", "O'Brien scan.dcm")]
    [InlineData("convert scan-001.dcm", "scan-001.dcm")]
    [InlineData("convert -5", "-5")]
    public void Shell_benign_value_passes(string commandLine, string value)
    {
        Assert.False(CommandInjectionDetector.InspectShell(commandLine, ShellDialect.PosixShell, Value(value)).IsAttack);
    }

    [Fact]
    public void Argument_list_refuses_a_value_that_is_the_executable_or_the_shell_script()
    {
        Assert.Equal("names the executable", CommandInjectionDetector.InspectArguments("/usr/bin/evil", ["a"], Value("evil")).Reason);
        Assert.Equal(
            "is the shell script",
            CommandInjectionDetector.InspectArguments("/bin/bash", ["-c", "id; ls"], Value("id; ls")).Reason);
        Assert.Equal(
            "chains a command",
            CommandInjectionDetector.InspectArguments("cmd.exe", ["/c", "type a.txt&calc"], Value("a.txt&calc")).Reason);
        Assert.Equal(
            "injects an option",
            CommandInjectionDetector.InspectArguments("git", ["clone", "--upload-pack=id"], Value("--upload-pack=id")).Reason);
        Assert.False(CommandInjectionDetector.InspectArguments(
            "/usr/bin/convert",
            ["a; rm -rf /", "out.png"],
            Value("a; rm -rf /")).IsAttack);
    }

    [Fact]
    public void Process_start_with_one_arguments_string_refuses_a_value_that_adds_arguments()
    {
        using var standalone = new StandaloneGuard(o => o.Command.Mode = GuardMode.Block);
        var startInfo = new ProcessStartInfo("/usr/bin/convert", "--input scan.dcm --evil x --format png");
        var values = new UntrustedValues();
        values.Add(RequestPart.Form, "file", "scan.dcm --evil x");

        using (RaspRequestScope.Begin(values))
        {
            var blocked = Assert.Throws<RaspBlockedException>(() => standalone.Guard.CheckProcessStart(startInfo));
            Assert.Equal(("process", AttackClass.Command), (blocked.Sink, blocked.AttackClass));
        }

        GuardDecision decision = Assert.Single(standalone.Sink.Decisions);
        Assert.Equal(("adds an argument", RequestPart.Form, "file"), (decision.Reason, decision.ValuePart, decision.ValueName));
    }
}
