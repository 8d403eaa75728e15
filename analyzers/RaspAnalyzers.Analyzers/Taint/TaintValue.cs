using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The taint of one value: the flows of untrusted data it carries, or none when it is clean. Immutable; a join
/// is a union by origin, keeping the first (shortest known) path of each origin.
/// </summary>
internal readonly struct TaintValue
{
    /// <summary>A value mixed from many sources reports the first few; more would not help a reader.</summary>
    public const int MaxFlows = 4;

    public static readonly TaintValue Clean = default;

    private readonly ImmutableArray<TaintFlow> _flows;

    private TaintValue(ImmutableArray<TaintFlow> flows) => _flows = flows;

    public ImmutableArray<TaintFlow> Flows => _flows.IsDefault ? ImmutableArray<TaintFlow>.Empty : _flows;

    public bool IsTainted => !_flows.IsDefaultOrEmpty;

    public static TaintValue From(TaintFlow flow) => new(ImmutableArray.Create(flow));

    public static TaintValue FromOrigin(TaintOrigin origin) =>
        From(new TaintFlow(origin, ImmutableArray<Location>.Empty));

    public TaintValue Union(TaintValue other)
    {
        if (!other.IsTainted)
        {
            return this;
        }

        if (!IsTainted)
        {
            return other;
        }

        var builder = _flows.ToBuilder();
        foreach (var flow in other._flows)
        {
            if (builder.Count >= MaxFlows)
            {
                break;
            }

            if (!ContainsOrigin(builder, flow.Origin))
            {
                builder.Add(flow);
            }
        }

        return builder.Count == _flows.Length ? this : new TaintValue(builder.ToImmutable());
    }

    public TaintValue WithStep(Location step)
    {
        if (!IsTainted)
        {
            return this;
        }

        var builder = ImmutableArray.CreateBuilder<TaintFlow>(_flows.Length);
        foreach (var flow in _flows)
        {
            builder.Add(flow.WithStep(step));
        }

        return new TaintValue(builder.MoveToImmutable());
    }

    /// <summary>Whether both carry the same origins; paths do not matter for reaching a fixpoint.</summary>
    public bool HasSameOrigins(TaintValue other)
    {
        if (Flows.Length != other.Flows.Length)
        {
            return false;
        }

        foreach (var flow in Flows)
        {
            if (!ContainsOrigin(other.Flows, flow.Origin))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsOrigin(System.Collections.Generic.IEnumerable<TaintFlow> flows, TaintOrigin origin)
    {
        foreach (var flow in flows)
        {
            if (flow.Origin.Equals(origin))
            {
                return true;
            }
        }

        return false;
    }
}
