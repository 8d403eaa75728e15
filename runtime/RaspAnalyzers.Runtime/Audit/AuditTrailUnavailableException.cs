using System;

namespace RaspAnalyzers.Audit;

/// <summary>The audit trail cannot take the event: its queue stayed full, it was shut down, or writing failed.</summary>
public sealed class AuditTrailUnavailableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AuditTrailUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public AuditTrailUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public AuditTrailUnavailableException()
        : base("The audit trail cannot take the event.")
    {
    }
}
