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

    /// <summary>
    /// Queues <paramref name="auditEvent"/> if there is room, never waiting: for callers that must not block or throw,
    /// such as a guard's decision sink. A refused event is counted as dropped in the next checkpoint.
    /// </summary>
    /// <returns>Whether the event was queued.</returns>
    bool TryAppend(AuditEvent auditEvent);

    /// <summary>Waits until every event queued before the call is written and handed to the operating system.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
