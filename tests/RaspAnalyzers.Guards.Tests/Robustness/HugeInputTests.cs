using System;
using System.Diagnostics;
using System.Text;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>
/// Adversarial inputs of a quarter mebibyte that would take many minutes with a quadratic tokenizer or a backtracking
/// pattern. The bound is loose on purpose (a shared build machine); it only has to tell linear from quadratic.
/// </summary>
public sealed class HugeInputTests
{
    private const int Size = 1 << 18;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static string Repeat(string unit) => new StringBuilder(Size + unit.Length).Insert(0, unit, Size / unit.Length).ToString();

    [Theory]
    [InlineData("'")]
    [InlineData("/*")]
    [InlineData("$a$")]
    [InlineData("--\n")]
    [InlineData("[")]
    [InlineData("_a")]
    [InlineData("E'\\")]
    [InlineData("1 OR ")]
    public void Sql_detector_stays_linear_on_a_quarter_mebibyte(string unit)
    {
        string statement = Repeat(unit);
        UntrustedValue[] values =
        [
            new UntrustedValue(RequestPart.Query, "q", unit),
            new UntrustedValue(RequestPart.Query, "r", unit + unit)
        ];

        var clock = Stopwatch.StartNew();
        foreach (SqlDialect dialect in Enum.GetValues<SqlDialect>())
        {
            _ = SqlInjectionDetector.Inspect(statement, dialect, values);
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Bound);
    }

    [Theory]
    [InlineData("$(")]
    [InlineData("`")]
    [InlineData("${")]
    [InlineData("%a")]
    [InlineData("\"$")]
    [InlineData("\\")]
    [InlineData("a ")]
    public void Shell_detector_stays_linear_on_a_quarter_mebibyte(string unit)
    {
        string line = Repeat(unit);
        UntrustedValue[] values = [new UntrustedValue(RequestPart.Query, "q", unit)];

        var clock = Stopwatch.StartNew();
        _ = CommandInjectionDetector.InspectShell(line, ShellDialect.PosixShell, values);
        _ = CommandInjectionDetector.InspectShell(line, ShellDialect.Cmd, values);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Bound);
    }

    [Theory]
    [InlineData("%25")]
    [InlineData("../")]
    [InlineData("%c0%ae")]
    public void Path_detector_stays_linear_on_a_quarter_mebibyte(string unit)
    {
        string value = Repeat(unit);
        string path = "/srv/" + value;

        var clock = Stopwatch.StartNew();
        DetectorVerdict verdict = PathTraversalDetector.Inspect(
            path,
            [new UntrustedValue(RequestPart.Query, "q", value)],
            PathStyle.Unix,
            ["/srv"],
            "/app");

        // "%c0%ae" repeated decodes to one long name of dots, which is a legal Unix file name under the root.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Bound);
        Assert.Equal(unit == "../", verdict.IsAttack);
    }

    [Fact]
    public void Json_nested_far_beyond_the_depth_bound_keeps_the_leaves_read_before_it()
    {
        byte[] json = Encoding.UTF8.GetBytes(
            "{\"a\":\"first\",\"b\":" + new string('[', 100_000) + "\"deep\"" + new string(']', 100_000) + "}");
        var values = new UntrustedValues();

        RequestValueCapture.AddJsonLeaves(json, isComplete: true, maxDepth: 32, values);

        UntrustedValue only = Assert.Single(values.AsSpan().ToArray());
        Assert.Equal(new UntrustedValue(RequestPart.JsonBody, "a", "first"), only);
    }

    [Fact]
    public void Invalid_utf8_in_a_json_string_ends_capture_without_an_exception()
    {
        byte[] json = [.. "{\"a\":\"ok\",\"b\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var values = new UntrustedValues();

        RequestValueCapture.AddJsonLeaves(json, isComplete: true, maxDepth: 32, values);

        Assert.Equal(new[] { new UntrustedValue(RequestPart.JsonBody, "a", "ok") }, values.AsSpan().ToArray());
    }
}
