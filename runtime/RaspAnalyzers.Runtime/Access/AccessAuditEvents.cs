using System;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Access;

/// <summary>Builds the audit events of the access rules from the request: who, from where, what, which patient.</summary>
internal static class AccessAuditEvents
{
    internal static string? UserId(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name;

    internal static AuditEvent Create(
        HttpContext context,
        EhrAccessRule? rule,
        AuditEventType type,
        AuditEventSubtype subtype,
        AuditPolicyDecision decision,
        AuditOutcome outcome,
        DateTimeOffset occurred,
        AuditStage stage = AuditStage.Outcome,
        string? reason = null,
        string? purposeOfUse = null)
    {
        var user = context.User;
        var (action, restSubtype) = rule is null ? (AuditAction.Execute, AuditEventSubtype.Operation) : Map(rule.Action);
        return new AuditEvent
        {
            Type = type,
            Subtype = type == AuditEventType.RestOperation ? restSubtype : subtype,
            Action = action,
            Stage = stage,
            Outcome = outcome,
            OccurredAt = occurred,
            UserId = UserId(user),
            UserRoles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            PurposeOfUse = purposeOfUse ?? user.FindFirst("purpose_of_use")?.Value,
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            Server = context.Request.Host.HasValue ? context.Request.Host.Host : null,
            PatientId = RouteValue(context, rule?.PatientRouteValue),
            ResourceType = rule?.Resource,
            ResourceId = RouteValue(context, rule?.ResourceRouteValue),
            RequestId = context.TraceIdentifier,
            PolicyDecision = decision,
            Reason = reason,
        };
    }

    internal static (AuditAction Action, AuditEventSubtype Subtype) Map(EhrAction action) => action switch
    {
        EhrAction.Read => (AuditAction.Read, AuditEventSubtype.Read),
        EhrAction.Search => (AuditAction.Execute, AuditEventSubtype.Search),
        EhrAction.Create => (AuditAction.Create, AuditEventSubtype.Create),
        EhrAction.Update => (AuditAction.Update, AuditEventSubtype.Update),
        EhrAction.Delete => (AuditAction.Delete, AuditEventSubtype.Delete),
        _ => (AuditAction.Execute, AuditEventSubtype.Operation),
    };

    private static string? RouteValue(HttpContext context, string? name) =>
        name is not null && context.Request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() : null;
}
