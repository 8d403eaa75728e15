using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.EntityFrameworkCore;

/// <summary>Adds the SQL guard to a DbContext.</summary>
public static class RaspDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="RaspCommandInterceptor"/>, using the guard registered by <c>AddRasp</c>. Call it inside
    /// <c>AddDbContext((services, options) =&gt; options.UseSqlite(...).UseRaspGuards(services))</c>.
    /// </summary>
    /// <param name="options">The DbContext options builder.</param>
    /// <param name="services">The application's service provider.</param>
    /// <returns>The options builder.</returns>
    public static DbContextOptionsBuilder UseRaspGuards(this DbContextOptionsBuilder options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        return options.AddInterceptors(new RaspCommandInterceptor(services.GetRequiredService<RaspGuard>()));
    }
}
