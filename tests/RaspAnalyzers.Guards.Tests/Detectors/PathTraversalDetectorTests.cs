namespace RaspAnalyzers.Guards.Tests;

public sealed class PathTraversalDetectorTests
{
    [Theory]
    [InlineData("%2e%2e%2f", "../")]
    [InlineData("%252e%252e%252f", "../")]
    [InlineData("%25252e", ".")]
    [InlineData("%c0%ae%c0%ae%c0%af", "../")]
    [InlineData("%e0%80%ae", ".")]
    [InlineData("%u002e%u002e%u2215", "..\u2215")]
    [InlineData("100%", "100%")]
    [InlineData("report%20final.pdf", "report final.pdf")]
    public void Decode_undoes_repeated_and_overlong_encodings(string encoded, string decoded)
    {
        Assert.Equal(decoded, PathCanonicalizer.Decode(encoded));
    }

    [Theory]
    [InlineData("/srv/a/./b/../c", "/x", PathStyle.Unix, "/srv/a/c")]
    [InlineData("/srv/a/../../../../etc", "/x", PathStyle.Unix, "/etc")]
    [InlineData("a\\..\\b", "/srv", PathStyle.Unix, "/srv/a\\..\\b")]
    [InlineData("a\\..\\b", @"C:\srv", PathStyle.Windows, "C:/srv/b")]
    [InlineData(@"c:\srv\a...\..\b", @"C:\x", PathStyle.Windows, "C:/srv/b")]
    [InlineData(@"\\server\share\a\..\..\b", @"C:\x", PathStyle.Windows, "//server/share/b")]
    [InlineData("docs/x.txt", "/app", PathStyle.Unix, "/app/docs/x.txt")]
    public void Canonicalize_resolves_segments_by_the_style_rules(string path, string baseDirectory, PathStyle style, string expected)
    {
        Assert.Equal(expected, PathCanonicalizer.Canonicalize(path, baseDirectory, style));
    }

    [Theory]
    [InlineData("/srv/docs/../../etc/passwd", "../../etc/passwd", "climbs with a dot-dot segment")]
    [InlineData("/etc/passwd", "/etc/passwd", "supplies an absolute path")]
    [InlineData("/srv/docs/a.pdf\0.txt", "a.pdf\0.txt", "contains a control character")]
    [InlineData("/srv/docs/%252e%252e%252fetc", "%252e%252e%252fetc", "climbs with a dot-dot segment")]
    public void Attack_is_reported_with_its_reason(string path, string value, string reason)
    {
        DetectorVerdict verdict = PathTraversalDetector.Inspect(
            path, [new UntrustedValue(RequestPart.Route, "name", value)], PathStyle.Unix, ["/srv/docs"], "/app");

        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(0, verdict.ValueIndex);
    }

    [Fact]
    public void Path_outside_the_roots_is_refused_even_when_the_value_alone_looks_harmless()
    {
        DetectorVerdict verdict = PathTraversalDetector.Inspect(
            "/srv/docsecret/a.pdf", [new UntrustedValue(RequestPart.Query, "f", "secret/a.pdf")], PathStyle.Unix, ["/srv/docs"], "/app");

        Assert.Equal("leaves the allowed roots", verdict.Reason);
        Assert.Equal(0, verdict.ValueIndex);
    }

    [Fact]
    public void Windows_compares_roots_ignoring_case()
    {
        DetectorVerdict verdict = PathTraversalDetector.Inspect(
            @"c:\EHR\Docs\scan.dcm",
            [new UntrustedValue(RequestPart.Query, "f", "scan.dcm")],
            PathStyle.Windows,
            [@"C:\ehr\docs"],
            @"C:\app");

        Assert.False(verdict.IsAttack);
    }
}
