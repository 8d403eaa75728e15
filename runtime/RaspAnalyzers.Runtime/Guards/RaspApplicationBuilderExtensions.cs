using System;
using Microsoft.AspNetCore.Builder;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers;

/// <summary>Adds the guards' middleware to an ASP.NET Core pipeline.</summary>
public static class RaspApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the middleware that records each request's untrusted values and answers 403 when a guard blocks a
    /// sink call. Place it early, before the endpoints and after exception handling; route values are picked up
    /// whether it runs before or after routing.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    public static IApplicationBuilder UseRasp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<RaspMiddleware>();
    }
}
