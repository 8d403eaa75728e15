namespace RaspAnalyzers.Audit;

/// <summary>The outcome of <see cref="AuditVerifier"/>: a status, and where and why verification stopped.</summary>
public sealed record AuditVerificationResult
{
    /// <summary>What the verification found.</summary>
    public required AuditVerificationStatus Status { get; init; }

    /// <summary>
    /// The first record that fails, for <see cref="AuditVerificationStatus.Tampered"/>; the torn line, for an
    /// incomplete trail that ends in one; otherwise null.
    /// </summary>
    public AuditRecordPosition? FirstBadRecord { get; init; }

    /// <summary>What is wrong, in a sentence; null when the trail is intact.</summary>
    public string? Problem { get; init; }

    /// <summary>How many records (events and checkpoints) verified before verification stopped.</summary>
    public long RecordsVerified { get; init; }

    /// <summary>How many of those were events.</summary>
    public long EventsVerified { get; init; }

    /// <summary>How many checkpoint signatures verified; zero when no key was given.</summary>
    public long CheckpointsVerified { get; init; }

    /// <summary>How many checkpoints were seen but not checked, because no key was given.</summary>
    public long CheckpointsUnchecked { get; init; }

    /// <summary>The sum of the dropped-event counts of the verified checkpoints.</summary>
    public long DroppedEvents { get; init; }

    /// <summary>The sequence number of the last record that verified.</summary>
    public long LastVerifiedSequence { get; init; }

    /// <summary>The chain hash of the last record that verified, in lower-case hex.</summary>
    public string? LastVerifiedHash { get; init; }
}
