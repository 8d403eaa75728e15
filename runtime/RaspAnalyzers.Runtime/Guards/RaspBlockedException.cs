using System;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Thrown by a guard in Block mode to stop a sink call. The RASP middleware turns it into a 403 answer that
/// reveals nothing; the message names the attack class and sink only, never the untrusted value.
/// </summary>
public sealed class RaspBlockedException : Exception
{
    /// <summary>Creates the exception for a blocked call.</summary>
    /// <param name="attackClass">The attack class that was detected.</param>
    /// <param name="sink">The sink whose call was stopped.</param>
    public RaspBlockedException(AttackClass attackClass, string sink)
        : base($"A {attackClass} guard blocked a call to '{sink}'.")
    {
        AttackClass = attackClass;
        Sink = sink;
    }

    /// <summary>The attack class that was detected.</summary>
    public AttackClass AttackClass { get; }

    /// <summary>The sink whose call was stopped.</summary>
    public string Sink { get; }
}
