namespace RaspAnalyzers.Guards;

/// <summary>What a guard does when its detector reports an attack.</summary>
public enum GuardMode
{
    /// <summary>The guard does not run.</summary>
    Off,

    /// <summary>The guard records a metric and a decision and lets the call through.</summary>
    Monitor,

    /// <summary>The guard records a metric and a decision and stops the call; the request is answered 403.</summary>
    Block,
}
