using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Access;

/// <summary>
/// Decides whether a request may reach an EHR endpoint: its rule's roles, claims and policies through
/// <see cref="IAuthorizationService"/>, then break-glass for a denial, then step-up. Every refusal and every override
/// is an audit event.
/// </summary>
public sealed class EhrAccessEvaluator
{
    private static readonly Action<ILogger, string, string, Exception?> DeniedMessage = LoggerMessage.Define<string, string>(
        LogLevel.Information,
        new EventId(4150, "EhrAccessDenied"),
        "Access to {Resource} denied: {Reason}");

    private readonly ConditionalWeakTable<EhrAccessRule, AuthorizationPolicy> _policies = new();
    private readonly IAuthorizationService _authorization;
    private readonly BreakGlassPolicy _breakGlass;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the evaluator.</summary>
    public EhrAccessEvaluator(
        IAuthorizationService authorization,
        BreakGlassPolicy breakGlass,
        IAuditTrail audit,
        TimeProvider time,
        ILogger<EhrAccessEvaluator> logger)
    {
        _authorization = authorization;
        _breakGlass = breakGlass;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    /// <summary>Evaluates <paramref name="rule"/> for the request in <paramref name="context"/>.</summary>
    public async Task<EhrAccessDecision> EvaluateAsync(
        HttpContext context, EhrAccessRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            var unauthenticated = new EhrAccessDecision(EhrAccessOutcome.Unauthenticated, "the caller is not authenticated");
            return await RefuseAsync(context, rule, unauthenticated, cancellationToken).ConfigureAwait(false);
        }

        var failed = await UnmetRequirementsAsync(context, rule).ConfigureAwait(false);
        var decision = new EhrAccessDecision(EhrAccessOutcome.Permit, "the access rules are met");
        if (failed.Count > 0)
        {
            var grant = await _breakGlass.TryOverrideAsync(context, rule, cancellationToken).ConfigureAwait(false);
            var unmet = "unmet: " + string.Join(", ", failed);
            if (grant is null)
            {
                var denied = new EhrAccessDecision(EhrAccessOutcome.Deny, unmet) { FailedRequirements = failed };
                return await RefuseAsync(context, rule, denied, cancellationToken).ConfigureAwait(false);
            }

            decision = new EhrAccessDecision(EhrAccessOutcome.EmergencyOverride, "emergency override of " + unmet)
            {
                FailedRequirements = failed,
            };
        }

        if (rule.StepUp is { } stepUp && StepUpChallenge.Evaluate(user, stepUp, _time.GetUtcNow()) is { } challenge)
        {
            return await RefuseAsync(
                context,
                rule,
                new EhrAccessDecision(
                    EhrAccessOutcome.StepUpRequired, "the token's authentication is too weak or too old", challenge),
                cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    private async Task<List<string>> UnmetRequirementsAsync(HttpContext context, EhrAccessRule rule)
    {
        var failed = new List<string>();
        var policy = _policies.GetValue(rule, BuildPolicy);
        var result = await _authorization.AuthorizeAsync(context.User, context, policy).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var requirements = result.Failure?.FailedRequirements ?? Enumerable.Empty<IAuthorizationRequirement>();
            failed.AddRange(requirements.Select(Describe));
        }

        foreach (var name in rule.Policies)
        {
            var named = await _authorization.AuthorizeAsync(context.User, context, name).ConfigureAwait(false);
            if (!named.Succeeded)
            {
                failed.Add("policy " + name);
            }
        }

        return failed;
    }

    private static AuthorizationPolicy BuildPolicy(EhrAccessRule rule)
    {
        var builder = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        if (rule.Roles.Count > 0)
        {
            builder.RequireRole(rule.Roles);
        }

        foreach (var (type, values) in rule.Claims)
        {
            if (values.Count == 0)
            {
                builder.RequireClaim(type);
            }
            else
            {
                builder.RequireClaim(type, values);
            }
        }

        return builder.Build();
    }

    private static string Describe(IAuthorizationRequirement requirement) => requirement switch
    {
        RolesAuthorizationRequirement roles => "role " + string.Join(" or ", roles.AllowedRoles),
        ClaimsAuthorizationRequirement claim => "claim " + claim.ClaimType,
        DenyAnonymousAuthorizationRequirement => "an authenticated user",
        _ => requirement.GetType().Name,
    };

    private async Task<EhrAccessDecision> RefuseAsync(
        HttpContext context, EhrAccessRule rule, EhrAccessDecision decision, CancellationToken cancellationToken)
    {
        DeniedMessage(_logger, rule.Resource, decision.Reason, null);
        var stepUp = decision.Outcome == EhrAccessOutcome.StepUpRequired;
        var auditEvent = AccessAuditEvents.Create(
            context,
            rule,
            stepUp ? AuditEventType.UserAuthentication : AuditEventType.SecurityAlert,
            stepUp ? AuditEventSubtype.StepUpChallenge : AuditEventSubtype.AccessDenied,
            stepUp ? AuditPolicyDecision.StepUpRequired : AuditPolicyDecision.Deny,
            AuditOutcome.MinorFailure,
            _time.GetUtcNow()) with
        {
            Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["decision"] = decision.Reason },
        };
        await _audit.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        return decision;
    }
}
