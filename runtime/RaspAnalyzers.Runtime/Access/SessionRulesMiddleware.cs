using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Access;

/// <summary>
/// Refuses, with 401 and a Bearer <c>invalid_token</c> challenge, an authenticated request whose token was replayed or
/// whose session was idle too long, and records the refusal in the audit trail. It runs after authentication.
/// </summary>
internal sealed class SessionRulesMiddleware
{
    private readonly RequestDelegate _next;

    public SessionRulesMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public async Task InvokeAsync(HttpContext context, TokenSessionGuard guard, IAuditTrail audit, TimeProvider time)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var check = await guard.CheckAsync(context.User, context.RequestAborted).ConfigureAwait(false);
        if (check == SessionCheck.Accepted)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var description = check == SessionCheck.Replayed ? "The token was already used" : "The session expired after inactivity";
        await audit.AppendAsync(
            AccessAuditEvents.Create(
                context,
                null,
                AuditEventType.SecurityAlert,
                AuditEventSubtype.SessionRefused,
                AuditPolicyDecision.Deny,
                AuditOutcome.MinorFailure,
                time.GetUtcNow()) with
            {
                Details = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["refusal"] = check == SessionCheck.Replayed ? "replayed-token" : "idle-expired",
                },
            },
            context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
    }
}
