using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The taint of every local, parameter, flow capture and the receiver at one point of a method's control flow.
/// Keys that are absent are clean.
/// </summary>
internal sealed class TaintState
{
    /// <summary>The key of <c>this</c>.</summary>
    public static readonly object Receiver = new();

    private readonly Dictionary<object, TaintValue> _values;

    public TaintState()
    {
        _values = new Dictionary<object, TaintValue>(KeyComparer.Instance);
    }

    private TaintState(Dictionary<object, TaintValue> values)
    {
        _values = new Dictionary<object, TaintValue>(values, KeyComparer.Instance);
    }

    public TaintState Clone() => new(_values);

    public TaintValue Get(object key) => _values.TryGetValue(key, out var value) ? value : TaintValue.Clean;

    public void Set(object key, TaintValue value)
    {
        if (value.IsTainted)
        {
            _values[key] = value;
        }
        else
        {
            _values.Remove(key);
        }
    }

    public void Add(object key, TaintValue value)
    {
        if (value.IsTainted)
        {
            _values[key] = Get(key).Union(value);
        }
    }

    /// <summary>Joins <paramref name="other"/> into this state; true when some key gained an origin.</summary>
    public bool JoinWith(TaintState other)
    {
        var changed = false;
        foreach (var pair in other._values)
        {
            var current = Get(pair.Key);
            var joined = current.Union(pair.Value);
            if (!joined.HasSameOrigins(current))
            {
                _values[pair.Key] = joined;
                changed = true;
            }
        }

        return changed;
    }

    public static object KeyOf(CaptureId capture) => capture;

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
