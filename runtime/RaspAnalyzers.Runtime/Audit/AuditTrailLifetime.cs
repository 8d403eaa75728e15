using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Opens the trail when the host starts, and closes it with a final checkpoint only once every hosted service,
/// the web server included, has stopped: requests still draining at shutdown are audited too.
/// </summary>
internal sealed class AuditTrailLifetime : IHostedLifecycleService
{
    private readonly HashChainedAuditLog _log;

    public AuditTrailLifetime(HashChainedAuditLog log)
    {
        _log = log;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await _log.DisposeAsync().ConfigureAwait(false);
}
