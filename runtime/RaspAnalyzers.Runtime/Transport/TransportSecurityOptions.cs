using System;
using System.Security.Authentication;

namespace RaspAnalyzers.Transport;

/// <summary>What <c>UseRaspTransportSecurity</c> demands of each request's connection and adds to each response.</summary>
public sealed class TransportSecurityOptions
{
    /// <summary>The lowest TLS version accepted where the connection reports it.</summary>
    public SslProtocols MinimumProtocol { get; set; } = SslProtocols.Tls12;

    /// <summary>
    /// Whether a request that did not come over HTTPS is refused. Behind a TLS-terminating proxy, apply forwarded
    /// headers first so the request's scheme is the client's.
    /// </summary>
    public bool RefusePlainHttp { get; set; } = true;

    /// <summary>The HSTS max-age sent on HTTPS responses; zero sends no Strict-Transport-Security header.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Whether HSTS covers subdomains.</summary>
    public bool HstsIncludeSubDomains { get; set; } = true;

    /// <summary>Whether to ask for inclusion in browsers' HSTS preload lists.</summary>
    public bool HstsPreload { get; set; }
}
