using System;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Sees each record once it is chained and written, to forward it to a SIEM through logs or another channel. It runs
/// on the trail's writer: keep it fast, because a slow observer slows the whole trail.
/// </summary>
public interface IAuditRecordObserver
{
    /// <summary>Called for each record, in chain order.</summary>
    void OnRecordWritten(AuditRecordWritten record);
}

/// <summary>A record as written to the trail: PHI already replaced by pseudonyms.</summary>
/// <param name="Sequence">The record's sequence number in the trail.</param>
/// <param name="Kind">"event" or "checkpoint".</param>
/// <param name="Hash">The record's chain hash in lower-case hex.</param>
/// <param name="Record">The canonical JSON of the record; valid only during the call, copy it to keep it.</param>
public readonly record struct AuditRecordWritten(long Sequence, string Kind, string Hash, ReadOnlyMemory<byte> Record);
