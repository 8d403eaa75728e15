using System;

namespace RaspAnalyzers.Access;

/// <summary>Idle expiry and token replay refusal, kept in <c>IDistributedCache</c> so every server instance agrees.</summary>
public sealed class SessionRuleOptions
{
    /// <summary>A session unused for longer than this is refused; null turns idle expiry off.</summary>
    public TimeSpan? IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The claim that names the session; tokens without it are tracked by their <c>jti</c>.</summary>
    public string SessionClaimType { get; set; } = "sid";

    /// <summary>
    /// Whether a token's <c>jti</c> may be presented only once. Turn it on for single-use tokens (signed request
    /// tokens, proof tokens); leave it off for ordinary bearer tokens, which are meant to be presented many times.
    /// </summary>
    public bool RefuseReplayedTokens { get; set; }

    /// <summary>How long a seen <c>jti</c> is remembered when the token has no <c>exp</c> claim.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(1);
}
