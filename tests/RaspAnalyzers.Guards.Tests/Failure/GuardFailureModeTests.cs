using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Guards.Tests.Failure;

/// <summary>
/// A guard that cannot judge a call lets it through (fail-open) or stops it (fail-closed), as configured. The
/// failure is provoked with settings that start-up validation would have refused: an SSRF allow-list entry that is
/// no network makes the detector throw while it builds its policy.
/// </summary>
public class GuardFailureModeTests
{
    private sealed class FixedOptions : IOptionsMonitor<RaspOptions>
    {
        public FixedOptions(RaspOptions value) => CurrentValue = value;

        public RaspOptions CurrentValue { get; }

        public RaspOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<RaspOptions, string?> listener) => null;
    }

    private static (RaspGuard Guard, RecordingDecisionSink Decisions) GuardThatFails(GuardFailureMode failureMode)
    {
        var options = new RaspOptions { FailureMode = failureMode };
        options.Ssrf.Mode = GuardMode.Block;
        options.Ssrf.AllowedNetworks.Add("not-a-network");

        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var decisions = new RecordingDecisionSink();
        var guard = new RaspGuard(new FixedOptions(options), new RaspMetrics(meters), new[] { decisions }, NullLogger<RaspGuard>.Instance);
        return (guard, decisions);
    }

    private static RaspRequestScope RequestWith(string value)
    {
        var values = new UntrustedValues();
        values.Add(RequestPart.Query, "next", value);
        return RaspRequestScope.Begin(values);
    }

    [Fact]
    public void Fail_open_lets_the_call_through_and_records_no_decision()
    {
        var (guard, decisions) = GuardThatFails(GuardFailureMode.FailOpen);
        using var scope = RequestWith("example.org");

        guard.CheckUrl("https://example.org/fhir/Patient");

        Assert.Empty(decisions.Decisions);
    }

    [Fact]
    public void Fail_closed_stops_the_call_and_records_why()
    {
        var (guard, decisions) = GuardThatFails(GuardFailureMode.FailClosed);
        using var scope = RequestWith("example.org");

        var blocked = Assert.Throws<RaspBlockedException>(() => guard.CheckUrl("https://example.org/fhir/Patient"));

        Assert.Equal(AttackClass.Ssrf, blocked.AttackClass);
        var decision = Assert.Single(decisions.Decisions);
        Assert.Equal(GuardOutcome.Blocked, decision.Outcome);
        Assert.Equal(GuardMode.Block, decision.Mode);
        Assert.Equal("http-client", decision.Sink);
        Assert.Equal("could not be judged", decision.Reason);
        Assert.Equal(RequestPart.None, decision.ValuePart);
    }
}
