using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>What one run of <see cref="FlowAnalysis"/> found: the return value's taint and the sinks reached.</summary>
internal sealed class FlowResult
{
    public FlowResult(TaintValue returned, ImmutableArray<SinkHit> hits, ImmutableDictionary<ISymbol, TaintValue> memberWrites)
    {
        Returned = returned;
        Hits = hits;
        MemberWrites = memberWrites;
    }

    public TaintValue Returned { get; }

    public ImmutableArray<SinkHit> Hits { get; }

    /// <summary>Tainted data stored into fields and properties of the compilation.</summary>
    public ImmutableDictionary<ISymbol, TaintValue> MemberWrites { get; }
}
