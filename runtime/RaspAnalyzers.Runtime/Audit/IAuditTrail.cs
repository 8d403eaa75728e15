using System.Threading;
using System.Threading.Tasks;

namespace RaspAnalyzers.Audit;

/// <summary>Takes audit events into a tamper-evident trail.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Queues <paramref name="auditEvent"/> for the trail. It returns once the event is queued, not once it is on
    /// disk; <see cref="FlushAsync"/> waits for that.
    /// </summary>
    /// <exception cref="AuditTrailUnavailableException">The queue stayed full, or the trail cannot write.</exception>
    ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Waits until every event queued before the call is written and handed to the operating system.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
