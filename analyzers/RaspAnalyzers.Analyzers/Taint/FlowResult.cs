using System.Collections.Immutable;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>What one run of <see cref="FlowAnalysis"/> found: the return value's taint and the sinks reached.</summary>
internal sealed class FlowResult
{
    public FlowResult(TaintValue returned, ImmutableArray<SinkHit> hits)
    {
        Returned = returned;
        Hits = hits;
    }

    public TaintValue Returned { get; }

    public ImmutableArray<SinkHit> Hits { get; }
}
