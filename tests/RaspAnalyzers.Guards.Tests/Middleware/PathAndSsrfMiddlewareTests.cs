using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards.Tests;

public sealed class PathAndSsrfMiddlewareTests
{
    [Fact]
    public async Task Encoded_traversal_in_a_route_value_is_blocked_and_a_plain_file_is_served()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(
            new Dictionary<string, string?> { ["Rasp:Path:Mode"] = "Block" });

        HttpResponseMessage attack = await app.Client.GetAsync("/documents/..%2F..%2F..%2Fetc%2Fpasswd");
        string visit = await app.Client.GetStringAsync("/documents/visit.txt");

        await Forbidden.AssertAsync(attack);
        Assert.Equal("visit note", visit);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal(
            (AttackClass.Path, "file.read", "/documents/{name}", RequestPart.Route, "name", "climbs with a dot-dot segment"),
            (decision.AttackClass, decision.Sink, decision.Route, decision.ValuePart, decision.ValueName, decision.Reason));
    }

    [Fact]
    public async Task Untrusted_url_to_a_metadata_address_is_blocked_before_any_connection()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(
            new Dictionary<string, string?> { ["Rasp:Ssrf:Mode"] = "Block" });

        HttpResponseMessage response = await app.Client.GetAsync(
            "/fetch?url=" + WebUtility.UrlEncode("http://0xa9fea9fe/latest/meta-data/"));

        await Forbidden.AssertAsync(response);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal(
            ("http-client", RequestPart.Query, "url", "points the URL at a host that is not allowed"),
            (decision.Sink, decision.ValuePart, decision.ValueName, decision.Reason));
    }

    private static HttpRequestMessage FetchFixed(CannedHttpServer server)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/fetch-fixed");
        request.Headers.Add("X-Test-Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    [Fact]
    public async Task Connection_to_loopback_is_refused_at_connect_time_in_block_mode()
    {
        using var server = new CannedHttpServer();
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(
            new Dictionary<string, string?> { ["Rasp:Ssrf:Mode"] = "Block" });

        HttpResponseMessage response = await app.Client.SendAsync(FetchFixed(server));

        await Forbidden.AssertAsync(response);
        Assert.Equal(0, server.Connections);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal(("http-connect", RequestPart.None, null, "connects to an internal address"),
            (decision.Sink, decision.ValuePart, decision.ValueName, decision.Reason));
    }

    [Fact]
    public async Task Connection_to_loopback_goes_ahead_in_monitor_mode_and_is_recorded()
    {
        using var server = new CannedHttpServer();
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(
            new Dictionary<string, string?> { ["Rasp:Ssrf:Mode"] = "Monitor" });

        string body = await (await app.Client.SendAsync(FetchFixed(server))).Content.ReadAsStringAsync();

        Assert.Equal("ok", body);
        Assert.Equal(1, server.Connections);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal((GuardOutcome.Allowed, "connects to an internal address"), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task Allowed_host_and_network_let_an_untrusted_url_reach_loopback()
    {
        using var server = new CannedHttpServer();
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(new Dictionary<string, string?>
        {
            ["Rasp:Ssrf:Mode"] = "Block",
            ["Rasp:Ssrf:AllowedHosts:0"] = "127.0.0.1",
            ["Rasp:Ssrf:AllowedNetworks:0"] = "127.0.0.1/32",
        });

        string body = await app.Client.GetStringAsync("/fetch?url=" + WebUtility.UrlEncode($"http://127.0.0.1:{server.Port}/status"));

        Assert.Equal("ok", body);
        Assert.Equal(1, server.Connections);
        Assert.Empty(app.Sink.Decisions);
    }
}
