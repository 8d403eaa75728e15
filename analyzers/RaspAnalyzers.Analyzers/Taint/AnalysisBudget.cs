namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The work left for one method's analysis, shared with the lambdas and local functions analyzed inside it.
/// A method that uses it all up reports what it found so far and nothing after: a huge generated method must
/// not stall the IDE.
/// </summary>
internal sealed class AnalysisBudget
{
    private int _remaining;

    public AnalysisBudget(int operations) => _remaining = operations;

    public bool IsExhausted => _remaining <= 0;

    public bool TrySpend() => --_remaining >= 0;
}
