using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>A RaspGuard from the real registration, outside any web host.</summary>
public sealed class StandaloneGuard : IDisposable
{
    private readonly ServiceProvider _services;

    public StandaloneGuard(Action<RaspOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRasp(configure);
        services.AddSingleton<IGuardDecisionSink>(Sink);
        _services = services.BuildServiceProvider();
        Guard = _services.GetRequiredService<RaspGuard>();
    }

    public RecordingDecisionSink Sink { get; } = new();

    public RaspGuard Guard { get; }

    public IServiceProvider Services => _services;

    public void Dispose() => _services.Dispose();
}
