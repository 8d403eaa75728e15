using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RaspAnalyzers.Access;

namespace RaspAnalyzers;

/// <summary>Registers and applies the EHR access rules: authorization, break-glass, step-up and session rules.</summary>
public static class AccessRuleExtensions
{
    /// <summary>
    /// Registers <see cref="EhrAccessEvaluator"/>, <see cref="BreakGlassPolicy"/> and <see cref="TokenSessionGuard"/>. They
    /// need ASP.NET Core authorization, an <c>IDistributedCache</c> (an in-memory one is added if none is: it holds state
    /// per instance only, so register a shared cache for more than one instance) and an audit trail
    /// (<c>AddRaspAudit</c>).
    /// </summary>
    public static IServiceCollection AddRaspAccessRules(
        this IServiceCollection services,
        Action<BreakGlassOptions>? breakGlass = null,
        Action<SessionRuleOptions>? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BreakGlassOptions>().Configure(options => breakGlass?.Invoke(options));
        services.AddOptions<SessionRuleOptions>().Configure(options => sessions?.Invoke(options));
        services.AddAuthorizationCore();
        services.AddDistributedMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BreakGlassPolicy>();
        services.TryAddSingleton<TokenSessionGuard>();
        services.TryAddScoped<EhrAccessEvaluator>();
        return services;
    }

    /// <summary>Refuses replayed tokens and idle sessions. Call it after <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseRaspSessionRules(this IApplicationBuilder app) =>
        app.UseMiddleware<SessionRulesMiddleware>();

    /// <summary>Applies <paramref name="rule"/> to the endpoint, with audit events for its start and outcome.</summary>
    public static TBuilder RequireEhrAccess<TBuilder>(this TBuilder builder, EhrAccessRule rule)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new EhrAccessEndpointFilter(rule));
}
