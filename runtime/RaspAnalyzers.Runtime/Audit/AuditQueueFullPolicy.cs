namespace RaspAnalyzers.Audit;

/// <summary>What the trail does with a new event when its queue is full.</summary>
public enum AuditQueueFullPolicy
{
    /// <summary>
    /// Back-pressure: the caller waits for room up to <see cref="AuditTrailOptions.MaxEnqueueWait"/>, then gets an
    /// <see cref="AuditTrailUnavailableException"/>. No event is lost without the caller knowing.
    /// </summary>
    Wait,

    /// <summary>
    /// The new event is dropped and the caller goes on at once. The count of dropped events is logged and written
    /// into the next signed checkpoint, so the trail itself says how many events it is missing.
    /// </summary>
    DropNewest,
}
