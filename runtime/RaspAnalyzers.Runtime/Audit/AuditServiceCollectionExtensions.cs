using System;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers;

/// <summary>Registers the tamper-evident audit trail.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditTrail"/> as a <see cref="HashChainedAuditLog"/> configured from
    /// <paramref name="section"/> (for example "Rasp:Audit"), with a keyed HMAC redactor for
    /// <see cref="PhiTaxonomy.Phi"/>.
    /// </summary>
    public static IServiceCollection AddRaspAudit(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddRaspAudit(options => section.Bind(options));
    }

    /// <summary>
    /// Registers <see cref="IAuditTrail"/> as a <see cref="HashChainedAuditLog"/> configured by
    /// <paramref name="configure"/>, with a keyed HMAC redactor for <see cref="PhiTaxonomy.Phi"/>. The host opens the
    /// trail on start and closes it with a final checkpoint on stop.
    /// </summary>
    public static IServiceCollection AddRaspAudit(this IServiceCollection services, Action<AuditTrailOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<AuditTrailOptions>().Configure(configure);
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditKeyRing>();

        // The key is filled in by PseudonymKeyOptions below, once the audit options are known.
        services.AddRedaction(builder => builder.SetHmacRedactor(_ => { }, new DataClassificationSet(PhiTaxonomy.Phi)));
        services.AddSingleton<IConfigureOptions<HmacRedactorOptions>, PseudonymKeyOptions>();

        services.TryAddSingleton(provider =>
        {
            var keys = provider.GetRequiredService<AuditKeyRing>();
            var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(PhiTaxonomy.Phi);
            return new HashChainedAuditLog(
                provider.GetRequiredService<IOptions<AuditTrailOptions>>().Value,
                redactor,
                keys.CreateCheckpointSigner(),
                provider.GetService<ILogger<HashChainedAuditLog>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetServices<IAuditRecordObserver>());
        });
        services.TryAddSingleton<IAuditTrail>(provider => provider.GetRequiredService<HashChainedAuditLog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<RaspAnalyzers.Guards.IGuardDecisionSink, AuditGuardDecisionSink>());
        services.AddHostedService<AuditTrailLifetime>();
        return services;
    }

    /// <summary>Forwards every audit record to <see cref="ILogger"/> as well, for a SIEM or OpenTelemetry logs.</summary>
    public static IServiceCollection AddRaspAuditLoggerSink(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditRecordObserver, LoggerAuditRecordObserver>());
        return services;
    }

    private sealed class PseudonymKeyOptions : IConfigureOptions<HmacRedactorOptions>
    {
        private readonly AuditKeyRing _keys;
        private readonly IOptions<AuditTrailOptions> _options;

        public PseudonymKeyOptions(AuditKeyRing keys, IOptions<AuditTrailOptions> options)
        {
            _keys = keys;
            _options = options;
        }

        public void Configure(HmacRedactorOptions options)
        {
            options.Key = _keys.PseudonymKeyBase64();
            options.KeyId = _options.Value.PseudonymKeyId;
        }
    }
}
