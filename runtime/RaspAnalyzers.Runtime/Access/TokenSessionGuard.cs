using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Access;

/// <summary>Why <see cref="TokenSessionGuard"/> refused a token, if it did.</summary>
public enum SessionCheck
{
    /// <summary>The token may be used.</summary>
    Accepted,

    /// <summary>The token's <c>jti</c> was presented before.</summary>
    Replayed,

    /// <summary>The token's session was idle longer than the idle timeout.</summary>
    IdleExpired,
}

/// <summary>
/// Refuses a replayed single-use token and a session left idle too long, with the state in
/// <see cref="IDistributedCache"/> so that all instances of the app agree.
/// </summary>
/// <remarks>
/// <see cref="IDistributedCache"/> has no atomic add-if-absent, so two requests racing with the same <c>jti</c> on
/// different instances can both be accepted within the cache's round trip; a store with an atomic set-if-absent (such
/// as Redis SET NX) behind a custom guard closes that window.
/// </remarks>
public sealed class TokenSessionGuard
{
    private readonly SessionRuleOptions _options;
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _time;

    /// <summary>Creates the guard.</summary>
    public TokenSessionGuard(IOptions<SessionRuleOptions> options, IDistributedCache cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _cache = cache;
        _time = time;
    }

    // Relative to this clock, not absolute: the cache judges expiry by its own clock, which need not be this one.
    private static DistributedCacheEntryOptions Until(DateTimeOffset expires, DateTimeOffset now) =>
        new() { AbsoluteExpirationRelativeToNow = expires - now };

    /// <summary>Checks <paramref name="user"/>'s token and records its use.</summary>
    public async Task<SessionCheck> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _time.GetUtcNow();
        var jti = user.FindFirst("jti")?.Value;
        var expires = long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : now + _options.ReplayWindow;
        if (expires <= now)
        {
            expires = now + _options.ReplayWindow;
        }

        if (_options.RefuseReplayedTokens && jti is not null)
        {
            var seenKey = "rasp:jti:" + jti;
            if (await _cache.GetStringAsync(seenKey, cancellationToken).ConfigureAwait(false) is not null)
            {
                return SessionCheck.Replayed;
            }

            await _cache.SetStringAsync(seenKey, "1", Until(expires, now), cancellationToken)
                .ConfigureAwait(false);
        }

        var session = user.FindFirst(_options.SessionClaimType)?.Value ?? jti;
        if (_options.IdleTimeout is not { } idle || session is null)
        {
            return SessionCheck.Accepted;
        }

        // The last use is kept until the token expires, not slid by the idle timeout: an entry that vanished when idle
        // would make an idle session look new.
        var idleKey = "rasp:idle:" + session;
        var last = await _cache.GetStringAsync(idleKey, cancellationToken).ConfigureAwait(false);
        if (last == "expired")
        {
            return SessionCheck.IdleExpired;
        }

        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastMs)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(lastMs) > idle)
        {
            await _cache.SetStringAsync(idleKey, "expired", Until(expires, now), cancellationToken)
                .ConfigureAwait(false);
            return SessionCheck.IdleExpired;
        }

        await _cache.SetStringAsync(
            idleKey,
            now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Until(expires, now),
            cancellationToken).ConfigureAwait(false);
        return SessionCheck.Accepted;
    }
}
