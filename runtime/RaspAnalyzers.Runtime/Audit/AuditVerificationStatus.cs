namespace RaspAnalyzers.Audit;

/// <summary>What verifying a trail found.</summary>
public enum AuditVerificationStatus
{
    /// <summary>Every record chains, every checkpoint given a key verifies, and the trail ends with a final checkpoint.</summary>
    Intact,

    /// <summary>
    /// Every record that is there chains and verifies, but the trail is not closed: it ends after a torn line or
    /// without a final checkpoint, as after a crash or a cut at its end.
    /// </summary>
    Incomplete,

    /// <summary>A record was altered, inserted, removed or reordered, or a checkpoint's signature does not verify.</summary>
    Tampered,

    /// <summary>The input is no trail: a missing file, or no record at all.</summary>
    Unreadable,
}
