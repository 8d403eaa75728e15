namespace RaspAnalyzers.Guards;

/// <summary>What happens when a guard itself fails (a detector throws), as opposed to finding an attack.</summary>
public enum GuardFailureMode
{
    /// <summary>The sink call goes ahead; the failure is logged. Favours availability of clinical systems.</summary>
    FailOpen,

    /// <summary>The sink call is stopped as if an attack had been found in Block mode.</summary>
    FailClosed,
}
