using System;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Guards;

/// <summary>The guards' log events. None carries an untrusted value or any other request content.</summary>
internal static partial class GuardLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "RASP {AttackClass} guard {Outcome} a call to {Sink} on route {Route}: the {ValuePart} value {ValueName} {Reason} (request {RequestId})")]
    public static partial void Decision(
        ILogger logger, AttackClass attackClass, GuardOutcome outcome, string sink, string route, RequestPart valuePart,
        string valueName, string reason, string requestId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "RASP {AttackClass} guard failed on a call to {Sink}; the call was {Outcome} by the failure mode")]
    public static partial void GuardFailed(ILogger logger, Exception exception, AttackClass attackClass, string sink, GuardOutcome outcome);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "RASP answered 403 after a {AttackClass} guard blocked a call to {Sink} (request {RequestId})")]
    public static partial void AnsweredForbidden(ILogger logger, AttackClass attackClass, string sink, string requestId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug,
        Message = "RASP could not read the request body for untrusted values; guards see the other parts only")]
    public static partial void BodyUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning,
        Message = "RASP blocked a call to {Sink} after the response had started; the client sees a broken response")]
    public static partial void BlockedAfterResponseStarted(ILogger logger, string sink);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error,
        Message = "A guard decision sink failed; the decision went to the other sinks")]
    public static partial void SinkFailed(ILogger logger, Exception exception);
}
