using System;

namespace RaspAnalyzers.Guards;

/// <summary>
/// One decision of a guard that found an attack (or failed), as handed to every <see cref="IGuardDecisionSink"/>.
/// It names the untrusted value by request part and name only; the value itself never leaves the guard.
/// </summary>
/// <param name="AttackClass">The attack class of the guard.</param>
/// <param name="Mode">The guard's mode when it decided.</param>
/// <param name="Outcome">Whether the call went ahead or was stopped.</param>
/// <param name="Sink">The sink guarded, such as "ado.net", "ef-core", "file", "process", "http-client".</param>
/// <param name="Route">The route template of the endpoint, when known; never the raw path.</param>
/// <param name="ValuePart">The request part of the offending value; <see cref="RequestPart.None"/> when none is to blame.</param>
/// <param name="ValueName">The name of the offending value in its part (a query key, a JSON property), when known.</param>
/// <param name="Reason">The detector's fixed phrase, such as "injects a comment".</param>
/// <param name="Timestamp">When the guard decided.</param>
/// <param name="RequestId">The request's trace identifier, when the call happened inside a request.</param>
public readonly record struct GuardDecision(
    AttackClass AttackClass,
    GuardMode Mode,
    GuardOutcome Outcome,
    string Sink,
    string? Route,
    RequestPart ValuePart,
    string? ValueName,
    string Reason,
    DateTimeOffset Timestamp,
    string? RequestId);
