namespace RaspAnalyzers.Audit;

/// <summary>Whether an event records the start of an access or its outcome.</summary>
public enum AuditStage
{
    /// <summary>The access began; its outcome is not known yet.</summary>
    Start,

    /// <summary>The access ended with the event's <see cref="AuditEvent.Outcome"/>.</summary>
    Outcome,
}
