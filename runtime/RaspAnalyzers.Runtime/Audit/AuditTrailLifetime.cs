using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace RaspAnalyzers.Audit;

/// <summary>Opens the trail when the host starts and closes it, with a final checkpoint, when the host stops.</summary>
internal sealed class AuditTrailLifetime : IHostedService
{
    private readonly HashChainedAuditLog _log;

    public AuditTrailLifetime(HashChainedAuditLog log)
    {
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await _log.DisposeAsync().ConfigureAwait(false);
}
