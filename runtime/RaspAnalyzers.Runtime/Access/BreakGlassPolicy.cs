using System;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Access;

/// <summary>
/// Emergency access: a user who states a reason (header or claim) gets a denial overridden for
/// <see cref="BreakGlassOptions.MaxDuration"/>. The start and the end of each override are audit events; the reason
/// is stored as a pseudonym like all free text.
/// </summary>
/// <remarks>
/// An override is ended in the trail when its user's next request finds it expired, or by <see cref="EndAsync"/>. A user
/// who never comes back leaves an override whose end the trail does not record; its start and its time limit are
/// there, so an auditor can still tell when it stopped counting. Reading and writing the state through
/// <see cref="IDistributedCache"/> is not atomic: two concurrent first requests of one user may both record a start.
/// </remarks>
public sealed class BreakGlassPolicy
{
    private const string KeyPrefix = "rasp:break-glass:";

    private readonly BreakGlassOptions _options;
    private readonly IDistributedCache _cache;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _time;

    /// <summary>Creates the policy over the shared cache and the audit trail.</summary>
    public BreakGlassPolicy(
        IOptions<BreakGlassOptions> options, IDistributedCache cache, IAuditTrail audit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _cache = cache;
        _audit = audit;
        _time = time;
    }

    /// <summary>The options in force.</summary>
    public BreakGlassOptions Options => _options;

    /// <summary>
    /// Returns the override that lifts a denial of <paramref name="rule"/> for this request, starting one when the
    /// request states a reason, or null when break-glass is off, no reason is stated or the user may not use it.
    /// </summary>
    public async Task<BreakGlassGrant?> TryOverrideAsync(
        HttpContext context, EhrAccessRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rule);
        var user = context.User;
        var reason = StatedReason(context);
        var userId = AccessAuditEvents.UserId(user);
        if (!_options.Enabled || !rule.AllowBreakGlass || reason is null || userId is null || !MayBreakGlass(user))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var key = KeyPrefix + userId;
        var active = Parse(await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false));
        if (active is { } expired && now >= expired.EndsAt)
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            await AuditStopAsync(context, rule, expired.EndsAt, "expired", cancellationToken).ConfigureAwait(false);
            active = null;
        }

        if (active is { } current)
        {
            return current with { Started = false };
        }

        var grant = new BreakGlassGrant(now, now + _options.MaxDuration, Started: true);

        // Kept past its end so the first request after the end can record it; relative, because the cache judges
        // expiry by its own clock, which need not be this one.
        await _cache.SetStringAsync(
            key,
            Format(grant),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = grant.EndsAt + _options.MaxDuration - now },
            cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            AccessAuditEvents.Create(
                context,
                rule,
                AuditEventType.SecurityAlert,
                AuditEventSubtype.EmergencyOverrideStarted,
                AuditPolicyDecision.EmergencyOverride,
                AuditOutcome.Success,
                now,
                AuditStage.Start,
                reason,
                _options.PurposeOfUse) with
            {
                Details = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["endsAt"] = AuditCodesText(grant.EndsAt),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return grant;
    }

    /// <summary>Ends the user's override now, if one is active, and records the end. Returns whether one was active.</summary>
    public async Task<bool> EndAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = AccessAuditEvents.UserId(context.User);
        if (userId is null)
        {
            return false;
        }

        var key = KeyPrefix + userId;
        var active = Parse(await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false));
        if (active is null)
        {
            return false;
        }

        await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var endedAt = now < active.EndsAt ? now : active.EndsAt;
        var how = now < active.EndsAt ? "ended" : "expired";
        await AuditStopAsync(context, null, endedAt, how, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task AuditStopAsync(
        HttpContext context, EhrAccessRule? rule, DateTimeOffset at, string how, CancellationToken cancellationToken) =>
        _audit.AppendAsync(
            AccessAuditEvents.Create(
                context,
                rule,
                AuditEventType.SecurityAlert,
                AuditEventSubtype.EmergencyOverrideStopped,
                AuditPolicyDecision.EmergencyOverride,
                AuditOutcome.Success,
                at,
                purposeOfUse: _options.PurposeOfUse) with
            {
                Details = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ended"] = how,
                },
            },
            cancellationToken).AsTask();

    private string? StatedReason(HttpContext context)
    {
        var reason = context.Request.Headers[_options.HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(reason))
        {
            reason = context.User.FindFirst(_options.ClaimType)?.Value;
        }

        return reason is not null && reason.Trim().Length >= _options.MinimumReasonLength ? reason.Trim() : null;
    }

    private bool MayBreakGlass(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (_options.Roles.Count == 0 || _options.Roles.Any(user.IsInRole));

    private static string Format(BreakGlassGrant grant) =>
        grant.StartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|"
        + grant.EndsAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static BreakGlassGrant? Parse(string? value)
    {
        var parts = value?.Split('|');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            ? new BreakGlassGrant(
                DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end), false)
            : null;
    }

    private static string AuditCodesText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
