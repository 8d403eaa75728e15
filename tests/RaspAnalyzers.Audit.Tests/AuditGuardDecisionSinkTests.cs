using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using RaspAnalyzers.Audit;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.Audit.Tests;

public class AuditGuardDecisionSinkTests
{
    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditEvent> Events { get; } = new();

        public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return ValueTask.CompletedTask;
        }

        public bool TryAppend(AuditEvent auditEvent)
        {
            Events.Add(auditEvent);
            return true;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    [Fact]
    public void Blocked_decision_becomes_a_security_alert_without_the_value()
    {
        var trail = new RecordingTrail();
        var sink = new AuditGuardDecisionSink(trail);
        var at = new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero);

        sink.Record(new GuardDecision(AttackClass.Sql, GuardMode.Block, GuardOutcome.Blocked, "ado.net", "/patients",
            RequestPart.Query, "name", "turns a condition into a tautology", at, "0HN7:00000001"));

        var recorded = Assert.Single(trail.Events);
        Assert.Equal(AuditEventType.SecurityAlert, recorded.Type);
        Assert.Equal(AuditEventSubtype.GuardDecision, recorded.Subtype);
        Assert.Equal(AuditAction.Execute, recorded.Action);
        Assert.Equal(AuditOutcome.MinorFailure, recorded.Outcome);
        Assert.Equal(AuditPolicyDecision.Blocked, recorded.PolicyDecision);
        Assert.Equal(at, recorded.OccurredAt);
        Assert.Equal("0HN7:00000001", recorded.RequestId);
        Assert.Equal("turns a condition into a tautology", recorded.Reason);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["attackClass"] = "Sql", ["mode"] = "Block", ["sink"] = "ado.net", ["valuePart"] = "Query",
                ["route"] = "/patients", ["valueName"] = "name",
            },
            recorded.Details);
    }

    [Fact]
    public void Monitored_decision_is_audited_as_monitored_and_successful()
    {
        var trail = new RecordingTrail();
        new AuditGuardDecisionSink(trail).Record(new GuardDecision(AttackClass.Path, GuardMode.Monitor, GuardOutcome.Allowed,
            "file", null, RequestPart.Route, null, "leaves the allowed root", DateTimeOffset.UnixEpoch, null));

        var recorded = Assert.Single(trail.Events);
        Assert.Equal(AuditOutcome.Success, recorded.Outcome);
        Assert.Equal(AuditPolicyDecision.Monitored, recorded.PolicyDecision);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["attackClass"] = "Path",
                ["mode"] = "Monitor",
                ["sink"] = "file",
                ["valuePart"] = "Route"
            },
            recorded.Details);
    }

    [Fact]
    public void AddRaspAudit_registers_the_sink_beside_the_guards_logging_sink()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRaspAudit(options => { });

        Assert.Contains(
            services,
            d => d.ServiceType == typeof(IGuardDecisionSink) && d.ImplementationType == typeof(AuditGuardDecisionSink));
    }
}
