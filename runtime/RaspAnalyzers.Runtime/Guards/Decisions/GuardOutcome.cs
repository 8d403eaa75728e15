namespace RaspAnalyzers.Guards;

/// <summary>What a guard did with a call in which its detector found an attack.</summary>
public enum GuardOutcome
{
    /// <summary>The call went ahead (Monitor mode, or a failing guard in fail-open mode).</summary>
    Allowed,

    /// <summary>The call was stopped (Block mode, or a failing guard in fail-closed mode).</summary>
    Blocked,
}
