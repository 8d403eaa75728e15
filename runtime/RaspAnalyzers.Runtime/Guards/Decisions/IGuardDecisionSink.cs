namespace RaspAnalyzers.Guards;

/// <summary>
/// Receives every guard decision on an attack, in Monitor and in Block mode. Clean checks are not handed over:
/// they are counted by the duration metric only, which keeps the path of an ordinary request cheap.
/// </summary>
/// <remarks>
/// Implementations are called on the request's thread, before a blocked call throws; they must be quick and must
/// not throw. Register more than one with <c>services.AddSingleton&lt;IGuardDecisionSink, T&gt;()</c>; all are called.
/// </remarks>
public interface IGuardDecisionSink
{
    /// <summary>Records one decision.</summary>
    /// <param name="decision">The decision.</param>
    void Record(in GuardDecision decision);
}
