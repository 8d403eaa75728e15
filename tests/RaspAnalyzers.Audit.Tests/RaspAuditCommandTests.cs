using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using RaspAnalyzers.Tools.RaspAudit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class RaspAuditCommandTests : IDisposable
{
    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    private static string Key => Convert.ToBase64String(TrailDirectory.CheckpointKey);

    [Fact]
    public async Task An_intact_trail_exits_zero_and_says_how_much_was_verified()
    {
        await _trail.WriteEventsAsync(10);

        var (code, output, error) = Run("verify", _trail.Path, "--key", Key, "--key-id", TrailDirectory.KeyId);

        Assert.Equal(0, code);
        Assert.Equal(
            $"intact: 13 records verified (10 events, 3 checkpoint signatures verified); last record 13, head {_trail.Lines()[12].Substring(9, 64)}"
            + Environment.NewLine,
            output);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task An_altered_record_exits_one_and_names_it()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[5] = lines[5].Replace("\"outcome\":\"0\"", "\"outcome\":\"4\"", StringComparison.Ordinal);
        _trail.WriteLines(lines);

        var (code, output, _) = Run("verify", _trail.FirstSegment, "--key", Key);

        Assert.Equal(1, code);
        var reported = output.Split(Environment.NewLine);
        Assert.Equal("tampered: first bad record: audit-000001.jsonl line 6 (record 6)", reported[0]);
        Assert.Equal("  Record 6 does not match its hash: its content was altered.", reported[1]);
        Assert.Equal("  5 records verified (4 events, 1 checkpoint signatures verified) before it", reported[2]);
    }

    [Fact]
    public async Task A_wrong_key_from_a_key_file_exits_one_at_the_first_checkpoint()
    {
        await _trail.WriteEventsAsync(10);
        var keyFile = Path.Combine(_trail.Path, "other.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(TrailDirectory.OtherKey) + "\n");

        var (code, output, _) = Run("verify", _trail.Path, "--key-file", keyFile);

        Assert.Equal(1, code);
        Assert.StartsWith("tampered: first bad record: audit-000001.jsonl line 5 (record 5)" + Environment.NewLine, output);
    }

    [Fact]
    public async Task A_truncated_trail_exits_two()
    {
        await _trail.WriteEventsAsync(10);
        _trail.WriteLines(_trail.Lines().GetRange(0, 7));

        var (code, output, _) = Run("verify", _trail.Path, "--key", Key);

        Assert.Equal(2, code);
        Assert.StartsWith("incomplete: after record 7" + Environment.NewLine, output);
    }

    [Fact]
    public async Task Without_a_key_the_output_says_the_checkpoints_were_not_checked()
    {
        await _trail.WriteEventsAsync(10);

        var (code, output, _) = Run("verify", _trail.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("intact: 13 records verified (10 events, 3 checkpoints not checked: no key given)", output);
    }

    [Theory]
    [InlineData(new string[0], 64, "usage: raspaudit verify PATH")]
    [InlineData(new[] { "verify" }, 64, "raspaudit: verify needs a PATH")]
    [InlineData(new[] { "verify", "x", "--color", "red" }, 64, "raspaudit: unknown option --color")]
    [InlineData(new[] { "verify", "x", "--key" }, 64, "raspaudit: --key needs a value")]
    [InlineData(new[] { "verify", "x", "--key", "!!not-base64!!" }, 64, "raspaudit: the checkpoint key is not base64")]
    [InlineData(new[] { "verify", "x", "--key", "AAAA" }, 64, "raspaudit: A checkpoint key has at least 32 bytes. (Parameter 'key')")]
    [InlineData(new[] { "verify", "x", "--key", "a", "--key-file", "b" }, 64, "raspaudit: give one of --key, --key-file and --public-key")]
    [InlineData(new[] { "verify", "x", "--key-file", "/nonexistent/key" }, 64, "raspaudit: Could not find")]
    [InlineData(new[] { "prune", "x" }, 64, "raspaudit: unknown command 'prune'")]
    [InlineData(
        new[] { "verify", "/nonexistent/audit-000001.jsonl" },
        3,
        "raspaudit: The audit trail file '/nonexistent/audit-000001.jsonl' does not exist.")]
    public void Bad_input_gets_a_clear_error_and_its_exit_code(string[] args, int expectedCode, string expectedError)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(expectedCode, code);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_fhir_writes_a_bundle_of_the_events_only()
    {
        await _trail.WriteEventsAsync(2);

        var (code, output, _) = Run("export-fhir", _trail.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"AuditEvent\",\"id\":\"rasp-audit-1\"", output);
        Assert.Equal(2, output.Split("\"resourceType\":\"AuditEvent\"").Length - 1);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RaspAuditCommand.Run(new List<string>(args), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
