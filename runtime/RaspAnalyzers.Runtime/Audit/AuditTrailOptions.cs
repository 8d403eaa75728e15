using System;

namespace RaspAnalyzers.Audit;

/// <summary>Where and how the audit trail is written, and where its keys come from.</summary>
/// <remarks>
/// Bind it from configuration (for example the section "Rasp:Audit"). Keys are secrets: keep them in a secret store
/// that feeds configuration, or leave them empty and set <see cref="UseDataProtection"/>.
/// </remarks>
public sealed class AuditTrailOptions
{
    /// <summary>The directory of the trail's segment files. Required.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>The file name prefix of the segments: PREFIX-000001.jsonl, PREFIX-000002.jsonl, ...</summary>
    public string FilePrefix { get; set; } = "audit";

    /// <summary>A segment is closed with a checkpoint and the next one opened once it reaches this size.</summary>
    public long MaxSegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A signed checkpoint is written after this many events, and always on rotation and shutdown.</summary>
    public int CheckpointInterval { get; set; } = 1000;

    /// <summary>How many events may wait to be written.</summary>
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>What happens to a new event when the queue is full.</summary>
    public AuditQueueFullPolicy FullPolicy { get; set; } = AuditQueueFullPolicy.Wait;

    /// <summary>With <see cref="AuditQueueFullPolicy.Wait"/>, the longest a caller waits for room in the queue.</summary>
    public TimeSpan MaxEnqueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When written records reach the operating system and the disk.</summary>
    public AuditFlushPolicy FlushPolicy { get; set; } = AuditFlushPolicy.EveryBatch;

    /// <summary>The key of the PHI pseudonyms (HMAC-SHA256), base64, at least 32 bytes.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The identifier of <see cref="PseudonymKey"/>; it prefixes every pseudonym so a key change shows.</summary>
    public int PseudonymKeyId { get; set; } = 1;

    /// <summary>The HMAC-SHA256 key that signs checkpoints, base64, at least 32 bytes.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>
    /// An ECDSA P-256 private key in PEM that signs checkpoints instead of <see cref="CheckpointKey"/>; verifiers then
    /// need only its public key.
    /// </summary>
    public string? CheckpointPrivateKeyPem { get; set; }

    /// <summary>The identifier of the checkpoint key, stored in every checkpoint.</summary>
    public string CheckpointKeyId { get; set; } = "checkpoint-1";

    /// <summary>
    /// When a key above is not set, generate it once and keep it in the trail's directory, protected by ASP.NET Core
    /// Data Protection. The verifier then needs the key exported by an operator with the same Data Protection keys.
    /// </summary>
    public bool UseDataProtection { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new InvalidOperationException("The audit trail needs a directory (AuditTrailOptions.Directory).");
        }

        if (CheckpointInterval < 1 || QueueCapacity < 1 || MaxSegmentBytes < 4096)
        {
            throw new InvalidOperationException(
                "The audit trail needs a checkpoint interval and queue capacity of at least 1 and segments of at least 4 KiB.");
        }
    }
}
