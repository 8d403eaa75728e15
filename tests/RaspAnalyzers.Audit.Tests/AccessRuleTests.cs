using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class AccessRuleTests
{
    private const string Observation = "/patients/p-17/observations/o-3";
    private const string Reason = "cardiac arrest in bay 3";

    [Fact]
    public async Task A_caller_with_the_role_is_served_and_the_access_start_and_outcome_are_audited()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var response = await server.GetAsync(Observation, "alice", "physician");
        var events = server.Audit.Take();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, events.Count);
        var start = events[0];
        Assert.Equal(AuditEventType.RestOperation, start.Type);
        Assert.Equal(AuditEventSubtype.Read, start.Subtype);
        Assert.Equal(AuditAction.Read, start.Action);
        Assert.Equal(AuditStage.Start, start.Stage);
        Assert.Equal(AuditPolicyDecision.Permit, start.PolicyDecision);
        Assert.Equal("alice", start.UserId);
        Assert.Equal(new[] { "physician" }, start.UserRoles);
        Assert.Equal("p-17", start.PatientId);
        Assert.Equal("Observation", start.ResourceType);
        Assert.Equal("o-3", start.ResourceId);
        Assert.Equal(server.Time.Now, start.OccurredAt);
        Assert.Equal(AuditStage.Outcome, events[1].Stage);
        Assert.Equal(AuditOutcome.Success, events[1].Outcome);
        Assert.Equal(start.RequestId, events[1].RequestId);
    }

    [Fact]
    public async Task A_caller_without_the_role_is_refused_with_403_and_the_denial_is_audited()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var response = await server.GetAsync(Observation, "bob", "nurse");
        var denial = Assert.Single(server.Audit.Take());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AuditEventType.SecurityAlert, denial.Type);
        Assert.Equal(AuditEventSubtype.AccessDenied, denial.Subtype);
        Assert.Equal(AuditPolicyDecision.Deny, denial.PolicyDecision);
        Assert.Equal(AuditOutcome.MinorFailure, denial.Outcome);
        Assert.Equal("unmet: role physician", denial.Details["decision"]);
        Assert.Equal("p-17", denial.PatientId);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_with_401()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var response = await server.GetAsync(Observation, user: null);
        var denial = Assert.Single(server.Audit.Take());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("the caller is not authenticated", denial.Details["decision"]);
        Assert.Null(denial.UserId);
    }

    [Fact]
    public async Task A_named_policy_is_evaluated_through_the_authorization_service()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var refused = await server.GetAsync("/on-call", "carol");
        var denial = Assert.Single(server.Audit.Take());
        using var served = await server.GetAsync("/on-call", "carol", null, ("X-Test-On-Call", "true"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("unmet: policy OnCall", denial.Details["decision"]);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Break_glass_overrides_a_denial_for_a_bounded_time_and_audits_its_start_and_end()
    {
        await using var server = await AccessTestServer.StartAsync();
        var startedAt = server.Time.Now;

        using var first = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", Reason));
        var firstEvents = server.Audit.Take();
        server.Time.Now = startedAt.AddMinutes(30);
        using var second = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", Reason));
        var secondEvents = server.Audit.Take();
        server.Time.Now = startedAt.AddMinutes(61);
        using var afterEnd = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", Reason));
        var afterEndEvents = server.Audit.Take();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(
            new[] { AuditEventSubtype.EmergencyOverrideStarted, AuditEventSubtype.Read, AuditEventSubtype.Read },
            firstEvents.Select(e => e.Subtype));
        var started = firstEvents[0];
        Assert.Equal(AuditEventType.SecurityAlert, started.Type);
        Assert.Equal(Reason, started.Reason);
        Assert.Equal("ETREAT", started.PurposeOfUse);
        Assert.Equal("2026-12-03T10:00:00.0000000Z", started.Details["endsAt"]);
        Assert.Equal(AuditPolicyDecision.EmergencyOverride, firstEvents[1].PolicyDecision);
        Assert.Equal("ETREAT", firstEvents[1].PurposeOfUse);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(new[] { AuditEventSubtype.Read, AuditEventSubtype.Read }, secondEvents.Select(e => e.Subtype));

        Assert.Equal(
            new[]
            {
                AuditEventSubtype.EmergencyOverrideStopped,
                AuditEventSubtype.EmergencyOverrideStarted,
                AuditEventSubtype.Read,
                AuditEventSubtype.Read
            },
            afterEndEvents.Select(e => e.Subtype));
        Assert.Equal("expired", afterEndEvents[0].Details["ended"]);
        Assert.Equal(startedAt.AddHours(1), afterEndEvents[0].OccurredAt);
    }

    [Fact]
    public async Task An_override_can_be_ended_early_and_the_end_is_audited()
    {
        await using var server = await AccessTestServer.StartAsync();
        using var _ = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", Reason));
        server.Audit.Take();
        server.Time.Now = server.Time.Now.AddMinutes(5);

        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "/break-glass/end");
        request.Headers.Add("X-Test-User", "bob");
        using var ended = await server.Client.SendAsync(request);
        var stop = Assert.Single(server.Audit.Take());
        using var denied = await server.GetAsync(Observation, "bob", "nurse");

        Assert.Equal("True", await ended.Content.ReadAsStringAsync());
        Assert.Equal(AuditEventSubtype.EmergencyOverrideStopped, stop.Subtype);
        Assert.Equal("ended", stop.Details["ended"]);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [InlineData(false, Reason)]
    [InlineData(true, "urgent")]
    public async Task Break_glass_does_not_override_when_turned_off_or_without_a_real_reason(bool enabled, string reason)
    {
        await using var server = await AccessTestServer.StartAsync(breakGlass: options => options.Enabled = enabled);

        using var response = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", reason));
        var events = server.Audit.Take();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AuditEventSubtype.AccessDenied, Assert.Single(events).Subtype);
    }

    [Fact]
    public async Task Break_glass_limited_to_a_role_refuses_other_users()
    {
        await using var server = await AccessTestServer.StartAsync(breakGlass: options => options.Roles.Add("emergency-clinician"));

        using var refused = await server.GetAsync(Observation, "bob", "nurse", ("X-Break-Glass-Reason", Reason));
        using var served = await server.GetAsync(Observation, "dana", "nurse,emergency-clinician", ("X-Break-Glass-Reason", Reason));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_weak_authentication_gets_the_rfc_9470_challenge_and_is_audited()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var response = await server.GetAsync(
            "/patients/p-17/strong",
            "alice",
            "physician",
            ("X-Test-Acr", "urn:rasp:pwd"),
            ("X-Test-Auth-Age", "30"));
        var challenge = Assert.Single(server.Audit.Take());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"A different authentication level is required\", "
            + "acr_values=\"urn:rasp:mfa\", max_age=\"300\"",
            response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(AuditEventType.UserAuthentication, challenge.Type);
        Assert.Equal(AuditEventSubtype.StepUpChallenge, challenge.Subtype);
        Assert.Equal(AuditPolicyDecision.StepUpRequired, challenge.PolicyDecision);
    }

    [Fact]
    public async Task An_old_authentication_gets_the_challenge_and_a_fresh_strong_one_is_served()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var old = await server.GetAsync(
            "/patients/p-17/strong",
            "alice",
            "physician",
            ("X-Test-Acr", "urn:rasp:mfa"),
            ("X-Test-Auth-Age", "301"));
        using var fresh = await server.GetAsync(
            "/patients/p-17/strong",
            "alice",
            "physician",
            ("X-Test-Acr", "urn:rasp:mfa"),
            ("X-Test-Auth-Age", "299"));

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.StartsWith(
            "Bearer error=\"insufficient_user_authentication\", error_description=\"More recent authentication is required\"",
            old.Headers.WwwAuthenticate.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task A_failing_endpoint_is_audited_with_its_failure()
    {
        await using var server = await AccessTestServer.StartAsync();

        using var response = await server.GetAsync("/failing", "alice", "physician");
        var events = server.Audit.Take();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(AuditOutcome.MajorFailure, events[1].Outcome);
    }

    [Fact]
    public async Task A_single_use_token_presented_twice_is_refused_the_second_time()
    {
        await using var server = await AccessTestServer.StartAsync(sessions: options => options.RefuseReplayedTokens = true);

        using var first = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Jti", "token-1"));
        server.Audit.Take();
        using var replay = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Jti", "token-1"));
        var refusal = Assert.Single(server.Audit.Take());
        using var other = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Jti", "token-2"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(
            "Bearer error=\"invalid_token\", error_description=\"The token was already used\"",
            replay.Headers.WwwAuthenticate.ToString());
        Assert.Equal(AuditEventSubtype.SessionRefused, refusal.Subtype);
        Assert.Equal("replayed-token", refusal.Details["refusal"]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_session_idle_longer_than_the_timeout_is_refused_and_stays_refused()
    {
        await using var server = await AccessTestServer.StartAsync();
        var t0 = server.Time.Now;

        using var first = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Sid", "s-1"));
        server.Time.Now = t0.AddMinutes(14);
        using var active = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Sid", "s-1"));
        server.Time.Now = t0.AddMinutes(29).AddSeconds(1);
        using var idle = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Sid", "s-1"));
        server.Time.Now = t0.AddMinutes(30);
        using var later = await server.GetAsync(Observation, "alice", "physician", ("X-Test-Sid", "s-1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
        Assert.Equal(
            "Bearer error=\"invalid_token\", error_description=\"The session expired after inactivity\"",
            idle.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
    }
}
