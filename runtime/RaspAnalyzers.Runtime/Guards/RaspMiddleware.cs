using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Records each request's untrusted values for the guards and turns a blocked sink call into a 403 answer with
/// problem details that say only that the request was refused.
/// </summary>
public sealed class RaspMiddleware
{
    private static readonly byte[] ForbiddenBody =
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403}"""u8.ToArray();

    private readonly RequestDelegate _next;
    private readonly IOptionsMonitor<RaspOptions> _options;
    private readonly ILogger<RaspMiddleware> _logger;

    /// <summary>Creates the middleware.</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="options">The guard settings.</param>
    /// <param name="logger">The logger.</param>
    public RaspMiddleware(RequestDelegate next, IOptionsMonitor<RaspOptions> options, ILogger<RaspMiddleware> logger)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Serves one request.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>A task that completes with the request.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequestCaptureOptions capture = _options.CurrentValue.Capture;
        UntrustedValues values;
        try
        {
            values = await RequestValueCapture.CaptureAsync(context.Request, capture, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            GuardLog.BodyUnreadable(_logger, exception);
            values = new UntrustedValues(capture.MaxValues, capture.MaxValueLength);
        }

        using RaspRequestScope scope = RaspRequestScope.Begin(values, context, capture.Parts & RequestPart.Route);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (FindBlock(exception) is { } blocked)
        {
            if (context.Response.HasStarted)
            {
                GuardLog.BlockedAfterResponseStarted(_logger, blocked.Sink);
                throw;
            }

            GuardLog.AnsweredForbidden(_logger, blocked.AttackClass, blocked.Sink, context.TraceIdentifier);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "application/problem+json";
            await context.Response.Body.WriteAsync(ForbiddenBody, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static RaspBlockedException? FindBlock(Exception exception)
    {
        // EF Core, HttpClient and the application may wrap the guard's exception; look a few levels down.
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is RaspBlockedException blocked)
            {
                return blocked;
            }

            if (current is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    if (FindBlock(inner) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }
}
