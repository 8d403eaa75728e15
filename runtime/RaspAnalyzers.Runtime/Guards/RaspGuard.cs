using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Guards;

/// <summary>
/// The entry point every sink integration calls: it runs the detector of one attack class against the current
/// request's untrusted values, records metrics and decisions, and in Block mode throws
/// <see cref="RaspBlockedException"/>. Registered as a singleton by <c>AddRasp</c>.
/// </summary>
public sealed class RaspGuard
{
    private delegate DetectorVerdict Detector<TState>(TState state, ReadOnlySpan<UntrustedValue> values, RaspOptions options);

    private readonly IOptionsMonitor<RaspOptions> _options;
    private readonly RaspMetrics _metrics;
    private readonly IGuardDecisionSink[] _sinks;
    private readonly ILogger<RaspGuard> _logger;
    private readonly TimeProvider _time;
    private (RaspOptions Options, SsrfPolicy Policy)? _policy;

    /// <summary>Creates the guard.</summary>
    /// <param name="options">The guard settings.</param>
    /// <param name="metrics">The instruments.</param>
    /// <param name="sinks">Every registered decision sink.</param>
    /// <param name="logger">The logger for guard failures.</param>
    /// <param name="time">The clock for decision timestamps; the system clock when null.</param>
    public RaspGuard(
        IOptionsMonitor<RaspOptions> options, RaspMetrics metrics, IEnumerable<IGuardDecisionSink> sinks, ILogger<RaspGuard> logger,
        TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _sinks = sinks?.ToArray() ?? throw new ArgumentNullException(nameof(sinks));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The settings in force.</summary>
    public RaspOptions Options => _options.CurrentValue;

    /// <summary>Checks a SQL statement before it is sent.</summary>
    /// <param name="statement">The final statement text.</param>
    /// <param name="dialect">Its dialect.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void CheckSql(string statement, SqlDialect dialect, string sink = "ado.net")
    {
        ArgumentNullException.ThrowIfNull(statement);
        Run(AttackClass.Sql, sink, (statement, dialect),
            static (state, values, _) => SqlInjectionDetector.Inspect(state.statement, state.dialect, values));
    }

    /// <summary>Checks a path before a file API receives it.</summary>
    /// <param name="path">The path.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void CheckPath(string path, string sink = "file")
    {
        ArgumentNullException.ThrowIfNull(path);
        Run(AttackClass.Path, sink, path, static (state, values, options) => PathTraversalDetector.Inspect(
            state, values, options.Path.Style, options.Path.AllowedRoots, Environment.CurrentDirectory));
    }

    /// <summary>Checks a command line before a shell reads it.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <param name="dialect">The shell.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void CheckShellCommand(string commandLine, ShellDialect dialect, string sink = "shell")
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        Run(AttackClass.Command, sink, (commandLine, dialect),
            static (state, values, _) => CommandInjectionDetector.InspectShell(state.commandLine, state.dialect, values));
    }

    /// <summary>Checks a program start before it happens.</summary>
    /// <param name="startInfo">The start information.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void CheckProcessStart(ProcessStartInfo startInfo, string sink = "process")
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        Run(AttackClass.Command, sink, startInfo, static (state, values, _) => ProcessStartInspector.Inspect(state, values));
    }

    /// <summary>Checks an outbound URL before a request is sent to it.</summary>
    /// <param name="url">The URL as the application built it.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void CheckUrl(string url, string sink = "http-client")
    {
        ArgumentNullException.ThrowIfNull(url);
        Run(AttackClass.Ssrf, sink, (url, guard: this),
            static (state, values, options) => SsrfDetector.Inspect(state.url, values, state.guard.PolicyFor(options)));
    }

    /// <summary>
    /// Judges an address a guarded HTTP client is about to connect to, whatever the request's values: this is
    /// where a host name that resolves to an internal address (DNS rebinding) is caught.
    /// </summary>
    /// <param name="address">The resolved address.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <returns>False when the connection must not be opened (Block mode and a refused address).</returns>
    public bool AllowConnection(IPAddress address, string sink = "http-connect")
    {
        ArgumentNullException.ThrowIfNull(address);
        RaspOptions options = _options.CurrentValue;
        if (options.Ssrf.Mode == GuardMode.Off || PolicyFor(options).IsAddressAllowed(address))
        {
            return true;
        }

        string reason = AddressClassifier.IsCloudMetadata(address)
            ? "connects to a cloud metadata address"
            : "connects to an internal address";
        Decide(AttackClass.Ssrf, options.Ssrf.Mode, sink, RaspRequestScope.Current, reason, default, throwWhenBlocked: false);
        return options.Ssrf.Mode != GuardMode.Block;
    }

    internal SsrfPolicy PolicyFor(RaspOptions options)
    {
        var cached = _policy;
        if (cached is { } hit && ReferenceEquals(hit.Options, options))
        {
            return hit.Policy;
        }

        var policy = new SsrfPolicy(options.Ssrf.AllowedHosts, options.Ssrf.AllowedSchemes, options.Ssrf.AllowedNetworks);
        _policy = (options, policy);
        return policy;
    }

    private void Run<TState>(AttackClass attackClass, string sink, TState state, Detector<TState> detector)
    {
        RaspOptions options = _options.CurrentValue;
        GuardMode mode = options.ModeOf(attackClass);
        RaspRequestScope? scope = RaspRequestScope.Current;
        if (mode == GuardMode.Off || scope is null)
        {
            return;
        }

        ReadOnlySpan<UntrustedValue> values = scope.GetValues();
        if (values.IsEmpty)
        {
            return;
        }

        long started = Stopwatch.GetTimestamp();
        DetectorVerdict verdict;
        try
        {
            verdict = detector(state, values, options);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(attackClass, sink, scope, options, exception);
            return;
        }

        if (_metrics.DurationEnabled)
        {
            _metrics.Measured(attackClass, scope.Route(), Stopwatch.GetElapsedTime(started));
        }

        if (verdict.IsAttack)
        {
            UntrustedValue culprit = verdict.ValueIndex >= 0 ? values[verdict.ValueIndex] : default;
            Decide(attackClass, mode, sink, scope, verdict.Reason, culprit, throwWhenBlocked: true);
        }
    }

    private void Fail(AttackClass attackClass, string sink, RaspRequestScope scope, RaspOptions options, Exception exception)
    {
        bool closed = options.FailureMode == GuardFailureMode.FailClosed;
        GuardLog.GuardFailed(_logger, exception, attackClass, sink, closed ? GuardOutcome.Blocked : GuardOutcome.Allowed);
        if (closed)
        {
            Decide(attackClass, GuardMode.Block, sink, scope, "could not be judged", default, throwWhenBlocked: true);
        }
    }

    private void Decide(
        AttackClass attackClass, GuardMode mode, string sink, RaspRequestScope? scope, string reason, UntrustedValue culprit,
        bool throwWhenBlocked)
    {
        string route = scope?.Route() ?? "-";
        bool blocked = mode == GuardMode.Block;
        _metrics.Detected(attackClass, route, mode);
        if (blocked)
        {
            _metrics.Blocked(attackClass, route);
        }

        var decision = new GuardDecision(
            attackClass, mode, blocked ? GuardOutcome.Blocked : GuardOutcome.Allowed, sink, route, culprit.Part,
            culprit.Name, reason, _time.GetUtcNow(), scope?.RequestId);
        foreach (IGuardDecisionSink decisionSink in _sinks)
        {
            try
            {
                decisionSink.Record(decision);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                GuardLog.SinkFailed(_logger, exception);
            }
        }

        if (blocked && throwWhenBlocked)
        {
            throw new RaspBlockedException(attackClass, sink);
        }
    }
}
