using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards.Tests;

public sealed class SqlGuardMiddlewareTests
{
    private static Dictionary<string, string?> Mode(string mode) => new() { ["Rasp:Sql:Mode"] = mode };

    [Fact]
    public async Task Block_answers_403_records_the_decision_and_counts_the_block()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Block"));

        HttpResponseMessage response = await app.Client.GetAsync("/patients?family=" + WebUtility.UrlEncode("' OR '1'='1"));

        await Forbidden.AssertAsync(response);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal(
            (
                AttackClass.Sql,
                GuardMode.Block,
                GuardOutcome.Blocked,
                "ado.net",
                "/patients",
                RequestPart.Query,
                "family",
                "changes a condition"),
            (
                decision.AttackClass,
                decision.Mode,
                decision.Outcome,
                decision.Sink,
                decision.Route,
                decision.ValuePart,
                decision.ValueName,
                decision.Reason));
        Assert.False(string.IsNullOrEmpty(decision.RequestId));

        var detection = Assert.Single(app.Measurements("rasp.guard.detections"));
        Assert.Equal(1, detection.Value);
        Assert.Equal("sql", detection.Tags[RaspMetrics.AttackClassTag]);
        Assert.Equal("/patients", detection.Tags[RaspMetrics.RouteTag]);
        Assert.Equal("block", detection.Tags[RaspMetrics.ModeTag]);
        var block = Assert.Single(app.Measurements("rasp.guard.blocks"));
        Assert.Equal((1d, "sql", "/patients"), (block.Value, block.Tags[RaspMetrics.AttackClassTag], block.Tags[RaspMetrics.RouteTag]));
    }

    [Fact]
    public async Task Monitor_lets_the_injection_through_and_still_records_it()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Monitor"));

        HttpResponseMessage response = await app.Client.GetAsync("/patients?family=" + WebUtility.UrlEncode("' OR '1'='1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Anna,Lan,Sean", await response.Content.ReadAsStringAsync());
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal((GuardMode.Monitor, GuardOutcome.Allowed), (decision.Mode, decision.Outcome));
        Assert.Equal("monitor", Assert.Single(app.Measurements("rasp.guard.detections")).Tags[RaspMetrics.ModeTag]);
        Assert.Empty(app.Measurements("rasp.guard.blocks"));
    }

    [Fact]
    public async Task Clean_requests_pass_without_decisions_and_are_timed()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Block"));

        string smith = await app.Client.GetStringAsync("/patients?family=Smith");
        string obrien = await app.Client.GetStringAsync("/patients/by-parameter?family=" + WebUtility.UrlEncode("O'Brien"));

        Assert.Equal(("Anna", "Sean"), (smith, obrien));
        Assert.Empty(app.Sink.Decisions);
        Assert.Empty(app.Measurements("rasp.guard.detections"));
        var durations = app.Measurements("rasp.guard.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal("sql", d.Tags[RaspMetrics.AttackClassTag]));
        Assert.Equal(
            new[] { "/patients", "/patients/by-parameter" },
            durations.Select(d => (string)d.Tags[RaspMetrics.RouteTag]!).ToArray());
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 1));
    }

    [Fact]
    public async Task EF_Core_raw_SQL_is_blocked_by_the_interceptor()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Block"));

        HttpResponseMessage attack = await app.Client.GetAsync(
            "/ef/patients?family=" + WebUtility.UrlEncode("x' UNION SELECT 9, 'a', 'b' --"));
        string clean = await app.Client.GetStringAsync("/ef/patients?family=Nguyen");

        await Forbidden.AssertAsync(attack);
        Assert.Equal("Lan", clean);
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal(
            ("ef-core", "/ef/patients", "family", "injects a comment"),
            (decision.Sink, decision.Route, decision.ValueName, decision.Reason));
    }

    [Fact]
    public async Task Json_body_leaf_is_untrusted_and_the_body_stays_readable()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Block"));
        const string attack = """{"patient":"1","text":"x'); DELETE FROM patients; --"}""";
        const string benign = """{"patient":"1","text":"pain -- worse at night; no fever"}""";

        HttpResponseMessage blocked = await app.Client.PostAsync("/notes", new StringContent(attack, Encoding.UTF8, "application/json"));
        HttpResponseMessage passed = await app.Client.PostAsync("/notes", new StringContent(benign, Encoding.UTF8, "application/json"));

        await Forbidden.AssertAsync(blocked);
        Assert.Equal(benign.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await passed.Content.ReadAsStringAsync());
        Assert.Equal(3, await app.CountPatientsAsync());
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal((RequestPart.JsonBody, "text", "injects a comment"), (decision.ValuePart, decision.ValueName, decision.Reason));
    }

    [Fact]
    public async Task Form_field_is_untrusted_and_the_form_stays_readable()
    {
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(Mode("Block"));

        HttpResponseMessage blocked = await app.Client.PostAsync(
            "/search", new FormUrlEncodedContent([new KeyValuePair<string, string>("family", "' OR 1=1 --")]));
        HttpResponseMessage passed = await app.Client.PostAsync(
            "/search", new FormUrlEncodedContent([new KeyValuePair<string, string>("family", "Smith")]));

        await Forbidden.AssertAsync(blocked);
        Assert.Equal("Anna", await passed.Content.ReadAsStringAsync());
        GuardDecision decision = Assert.Single(app.Sink.Decisions);
        Assert.Equal((RequestPart.Form, "family"), (decision.ValuePart, decision.ValueName));
    }

    [Fact]
    public async Task Body_beyond_the_capture_bound_is_not_judged_but_reaches_the_app_whole()
    {
        var settings = Mode("Block");
        settings["Rasp:Capture:MaxBodyBytes"] = "64";
        await using GuardedClinicApp app = await GuardedClinicApp.StartAsync(settings);
        string padding = new('a', 200);
        string body = "{\"patient\":\"" + padding + "\",\"text\":\"x'); DELETE FROM notes; --\"}";

        HttpResponseMessage response = await app.Client.PostAsync("/notes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Sink.Decisions);
    }
}
