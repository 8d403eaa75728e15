using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// What a method does with its inputs, computed once per compilation: which parameters (and which sources it
/// reads itself) reach its return value, and which parameters reach a sink inside it. Flows from a parameter
/// have an origin made by <see cref="TaintOrigin.Parameter"/>; a caller substitutes its own arguments.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(
        TaintValue.Clean, ImmutableArray<SinkHit>.Empty, ImmutableDictionary<ISymbol, TaintValue>.Empty);

    public MethodSummary(
        TaintValue returned, ImmutableArray<SinkHit> parameterSinks, ImmutableDictionary<ISymbol, TaintValue> memberWrites)
    {
        Returned = returned;
        ParameterSinks = parameterSinks;
        MemberWrites = memberWrites;
    }

    /// <summary>The taint of the return value; an async method's is that of the awaited result.</summary>
    public TaintValue Returned { get; }

    /// <summary>Sinks reached from a parameter; each hit keeps only its flows from parameters.</summary>
    public ImmutableArray<SinkHit> ParameterSinks { get; }

    /// <summary>What the method stores into the compilation's fields and properties.</summary>
    public ImmutableDictionary<ISymbol, TaintValue> MemberWrites { get; }
}
