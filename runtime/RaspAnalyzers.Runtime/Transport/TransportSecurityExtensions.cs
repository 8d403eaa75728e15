using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RaspAnalyzers.Transport;

namespace RaspAnalyzers;

/// <summary>Registers and applies transmission security: TLS floor, HSTS and a Secure, HttpOnly cookie policy.</summary>
public static class TransportSecurityExtensions
{
    /// <summary>
    /// Registers the transport options and a cookie policy that forces Secure and HttpOnly on every cookie, with
    /// SameSite at least Lax.
    /// </summary>
    public static IServiceCollection AddRaspTransportSecurity(
        this IServiceCollection services,
        Action<TransportSecurityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TransportSecurityOptions>().Configure(options => configure?.Invoke(options));
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.Always;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        return services;
    }

    /// <summary>
    /// Refuses plain HTTP and TLS below 1.2, sends HSTS and applies the cookie policy. Put it first in the pipeline,
    /// after forwarded headers if a proxy sits in front.
    /// </summary>
    public static IApplicationBuilder UseRaspTransportSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<TransportSecurityMiddleware>();
        return app.UseCookiePolicy();
    }
}
