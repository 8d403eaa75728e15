namespace RaspAnalyzers.Audit;

/// <summary>When the trail hands written records to the operating system and to the disk.</summary>
/// <remarks>Whatever the policy, every checkpoint, every rotation and the shutdown flush to the disk.</remarks>
public enum AuditFlushPolicy
{
    /// <summary>Hands each record to the operating system as it is written: a process crash loses nothing written.</summary>
    EveryRecord,

    /// <summary>
    /// Hands records to the operating system when the queue runs empty or every 256 records: a process crash loses at
    /// most the records of the batch being written.
    /// </summary>
    EveryBatch,

    /// <summary>Flushes to the disk at the end of each batch: a power loss loses at most the current batch.</summary>
    EveryBatchToDisk,
}
