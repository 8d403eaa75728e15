using System.Net;

namespace RaspAnalyzers.Guards.Tests;

public sealed class SsrfDetectorTests
{
    [Theory]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0xa9fea9fe", "169.254.169.254")]
    [InlineData("169.254.43518", "169.254.169.254")]
    [InlineData("%31%32%37.0.0.1", "127.0.0.1")]
    [InlineData("10.0.0.1.", "10.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1")]
    [InlineData("[fe80::1%25eth0]", "fe80::1")]
    public void Ip_literal_is_read_in_every_resolver_form(string host, string expected)
    {
        Assert.True(IpLiteralParser.TryParse(host, out IPAddress? address));
        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Theory]
    [InlineData("fhir.example.org")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("0x")]
    [InlineData("08.0.0.1")]
    public void Name_or_out_of_range_number_is_not_an_address(string host)
    {
        bool parsed = IpLiteralParser.TryParse(host, out IPAddress? address);

        Assert.Equal(host == "0x", parsed);
        Assert.Equal(host == "0x" ? IPAddress.Any : null, address);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.100.100.200", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("64:ff9b::7f00:1", true)]
    [InlineData("2002:a00:1::", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:4700::1111", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void Internal_address_is_told_from_public(string address, bool isInternal)
    {
        Assert.Equal(isInternal, AddressClassifier.IsInternal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://fhir.example.org@169.254.169.254/", "adds user information to the authority")]
    [InlineData("gopher://127.0.0.1:6379/_INFO", "supplies a scheme that is not allowed")]
    [InlineData("https://evil.example\\@fhir.example.org/", "points the URL at a host that is not allowed")]
    [InlineData("http://0x7f000001/", "points the URL at a host that is not allowed")]
    public void Attack_is_reported_with_its_reason(string url, string reason)
    {
        var policy = new SsrfPolicy(["fhir.example.org"], [], []);

        DetectorVerdict verdict = SsrfDetector.Inspect(url, [new UntrustedValue(RequestPart.JsonBody, "callback", url)], policy);

        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Empty_host_list_allows_public_names_and_refuses_internal_ones()
    {
        UntrustedValue[] Value(string v) => [new UntrustedValue(RequestPart.Query, "url", v)];

        Assert.False(SsrfDetector.Inspect(
            "https://partner.example/hook",
            Value("https://partner.example/hook"),
            SsrfPolicy.Default).IsAttack);
        Assert.True(SsrfDetector.Inspect("https://db.internal/", Value("https://db.internal/"), SsrfPolicy.Default).IsAttack);
        Assert.True(SsrfDetector.Inspect("http://[::1]/", Value("http://[::1]/"), SsrfPolicy.Default).IsAttack);
    }

    [Fact]
    public void Allowed_network_admits_an_internal_address()
    {
        var policy = new SsrfPolicy([], [], ["10.20.0.0/16", "127.0.0.1"]);

        Assert.True(policy.IsAddressAllowed(IPAddress.Parse("10.20.5.6")));
        Assert.True(policy.IsAddressAllowed(IPAddress.Parse("127.0.0.1")));
        Assert.False(policy.IsAddressAllowed(IPAddress.Parse("10.21.0.1")));
        Assert.False(policy.IsAddressAllowed(IPAddress.Parse("127.0.0.2")));
    }
}
