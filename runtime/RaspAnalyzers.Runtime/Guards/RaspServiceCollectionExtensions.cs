using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers;

/// <summary>Registers the run-time guards.</summary>
public static class RaspServiceCollectionExtensions
{
    /// <summary>
    /// Adds the guards, their options bound from the <c>Rasp</c> configuration section and checked at start-up,
    /// the metrics, the default decision sink (a structured log), and guarded file access and process start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes applied after configuration binding.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRasp(this IServiceCollection services, Action<RaspOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        OptionsBuilder<RaspOptions> options = services.AddOptions<RaspOptions>().BindConfiguration(RaspOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RaspOptions>, RaspOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton<RaspMetrics>();
        services.TryAddSingleton<RaspGuard>();
        services.TryAddSingleton<GuardedFileAccess>();
        services.TryAddSingleton<GuardedProcessLauncher>();
        services.TryAddTransient<RaspHttpMessageHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardDecisionSink, LoggingGuardDecisionSink>());
        return services;
    }
}
