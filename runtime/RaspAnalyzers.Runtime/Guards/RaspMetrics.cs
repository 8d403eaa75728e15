using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace RaspAnalyzers.Guards;

/// <summary>
/// The guards' instruments, on the meter <see cref="MeterName"/>: detections and blocks counted by attack class and
/// route, and the time each check took. Names follow OpenTelemetry semantic-convention style.
/// </summary>
public sealed class RaspMetrics
{
    /// <summary>The meter's name, for an OpenTelemetry <c>AddMeter</c> call.</summary>
    public const string MeterName = "RaspAnalyzers.Guards";

    /// <summary>The tag naming the attack class: sql, path, command or ssrf.</summary>
    public const string AttackClassTag = "rasp.attack_class";

    /// <summary>The tag naming the route template, or "-" outside a routed request.</summary>
    public const string RouteTag = "http.route";

    /// <summary>The tag naming the guard mode: monitor or block.</summary>
    public const string ModeTag = "rasp.guard.mode";

    private readonly Counter<long> _detections;
    private readonly Counter<long> _blocks;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public RaspMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter meter = meterFactory.Create(MeterName);
        _detections = meter.CreateCounter<long>("rasp.guard.detections", "{detection}", "Attacks found by the guards, in any mode.");
        _blocks = meter.CreateCounter<long>("rasp.guard.blocks", "{block}", "Sink calls stopped by the guards.");
        _duration = meter.CreateHistogram<double>("rasp.guard.duration", "s", "Time a guard spent judging one sink call.");
    }

    internal bool DurationEnabled => _duration.Enabled;

    internal void Detected(AttackClass attackClass, string route, GuardMode mode) =>
        _detections.Add(
            1,
            Tag(AttackClassTag, Name(attackClass)),
            Tag(RouteTag, route),
            Tag(ModeTag, mode == GuardMode.Block ? "block" : "monitor"));

    internal void Blocked(AttackClass attackClass, string route) =>
        _blocks.Add(1, Tag(AttackClassTag, Name(attackClass)), Tag(RouteTag, route));

    internal void Measured(AttackClass attackClass, string route, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, Tag(AttackClassTag, Name(attackClass)), Tag(RouteTag, route));

    /// <summary>The tag value of an attack class.</summary>
    /// <param name="attackClass">The attack class.</param>
    /// <returns>sql, path, command or ssrf.</returns>
    public static string Name(AttackClass attackClass) => attackClass switch
    {
        AttackClass.Sql => "sql",
        AttackClass.Path => "path",
        AttackClass.Command => "command",
        _ => "ssrf",
    };

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
