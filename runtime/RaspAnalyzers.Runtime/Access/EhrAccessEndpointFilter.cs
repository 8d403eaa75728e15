using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Access;

/// <summary>
/// Applies an <see cref="EhrAccessRule"/> to an endpoint: refuses the request the rules refuse, and records the access's
/// start and outcome in the audit trail. If the trail cannot take an event the request fails: access is not served
/// unaudited.
/// </summary>
public sealed class EhrAccessEndpointFilter : IEndpointFilter
{
    private readonly EhrAccessRule _rule;

    /// <summary>Applies <paramref name="rule"/>.</summary>
    public EhrAccessEndpointFilter(EhrAccessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rule = rule;
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var evaluator = services.GetRequiredService<EhrAccessEvaluator>();
        var decision = await evaluator.EvaluateAsync(http, _rule, http.RequestAborted).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            if (decision.Challenge is not null)
            {
                http.Response.Headers[HeaderNames.WWWAuthenticate] = decision.Challenge;
            }

            return Results.StatusCode(decision.StatusCode);
        }

        var audit = services.GetRequiredService<IAuditTrail>();
        var time = services.GetRequiredService<TimeProvider>();
        var overridden = decision.Outcome == EhrAccessOutcome.EmergencyOverride;
        var policy = overridden ? AuditPolicyDecision.EmergencyOverride : AuditPolicyDecision.Permit;
        var purpose = overridden ? services.GetRequiredService<BreakGlassPolicy>().Options.PurposeOfUse : null;
        ValueTask AuditAsync(AuditOutcome outcome, AuditStage stage) => audit.AppendAsync(
            AccessAuditEvents.Create(
                http, _rule, AuditEventType.RestOperation, default, policy, outcome, time.GetUtcNow(), stage, purposeOfUse: purpose),
            http.RequestAborted);

        await AuditAsync(AuditOutcome.Success, AuditStage.Start).ConfigureAwait(false);
        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await AuditAsync(AuditOutcome.MajorFailure, AuditStage.Outcome).ConfigureAwait(false);
            throw;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var outcome = status >= 500 ? AuditOutcome.MajorFailure
            : status >= 400 ? AuditOutcome.MinorFailure
            : AuditOutcome.Success;
        await AuditAsync(outcome, AuditStage.Outcome).ConfigureAwait(false);
        return result;
    }
}
