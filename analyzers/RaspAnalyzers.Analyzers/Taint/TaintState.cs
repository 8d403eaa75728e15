using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The taint of every local, parameter, flow capture and the receiver at one point of a method's control flow,
/// and of the members stored through them (<c>order.Shipment</c>, one level deep). Absent variables are clean;
/// an absent member reads as its whole object.
/// </summary>
internal sealed class TaintState
{
    /// <summary>The key of <c>this</c>.</summary>
    public static readonly object Receiver = new();

    private readonly Dictionary<object, TaintValue> _values;
    private readonly Dictionary<(object Container, ISymbol Member), TaintValue> _members;

    public TaintState()
    {
        _values = new Dictionary<object, TaintValue>(KeyComparer.Instance);
        _members = new Dictionary<(object, ISymbol), TaintValue>(MemberKeyComparer.Instance);
    }

    private TaintState(TaintState other)
    {
        _values = new Dictionary<object, TaintValue>(other._values, KeyComparer.Instance);
        _members = new Dictionary<(object, ISymbol), TaintValue>(other._members, MemberKeyComparer.Instance);
    }

    public TaintState Clone() => new(this);

    public TaintValue Get(object key) => _values.TryGetValue(key, out var value) ? value : TaintValue.Clean;

    /// <summary>A strong update: the variable holds a new value, and nothing is known of its members.</summary>
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

        ForgetMembers(key);
    }

    /// <summary>A weak update: the object now also carries <paramref name="value"/>.</summary>
    public void Add(object key, TaintValue value)
    {
        if (value.IsTainted)
        {
            _values[key] = Get(key).Union(value);
        }
    }

    public bool TryGetMember(object container, ISymbol member, out TaintValue value) =>
        _members.TryGetValue((container, member), out value);

    /// <summary>What is stored into <c>container.member</c>, known exactly, clean included.</summary>
    public void SetMember(object container, ISymbol member, TaintValue value) => _members[(container, member)] = value;

    /// <summary><c>target = source</c>: the target's members are the source's.</summary>
    public void CopyMembers(object source, object target)
    {
        if (_members.Count == 0)
        {
            return;
        }

        var copied = new List<KeyValuePair<(object Container, ISymbol Member), TaintValue>>();
        foreach (var pair in _members)
        {
            if (KeyComparer.Instance.Equals(pair.Key.Container, source))
            {
                copied.Add(pair);
            }
        }

        foreach (var pair in copied)
        {
            _members[(target, pair.Key.Member)] = pair.Value;
        }
    }

    /// <summary>Joins <paramref name="other"/> into this state; true when some key gained an origin.</summary>
    public bool JoinWith(TaintState other)
    {
        var changed = false;

        // A member known on one side only is, on the other side, whatever its whole object holds there. Members
        // join first, while each side's whole objects are still as they were.
        if (_members.Count > 0 || other._members.Count > 0)
        {
            var keys = new HashSet<(object, ISymbol)>(_members.Keys, MemberKeyComparer.Instance);
            keys.UnionWith(other._members.Keys);
            foreach (var key in keys)
            {
                var known = _members.TryGetValue(key, out var mine);
                var theirs = other._members.TryGetValue(key, out var stored) ? stored : other.Get(key.Item1);
                var joined = (known ? mine : Get(key.Item1)).Union(theirs);
                if (!known || !joined.HasSameOrigins(mine))
                {
                    _members[key] = joined;
                    changed = true;
                }
            }
        }

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

    private void ForgetMembers(object key)
    {
        if (_members.Count == 0)
        {
            return;
        }

        var stale = new List<(object, ISymbol)>();
        foreach (var member in _members.Keys)
        {
            if (KeyComparer.Instance.Equals(member.Container, key))
            {
                stale.Add(member);
            }
        }

        foreach (var member in stale)
        {
            _members.Remove(member);
        }
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }

    private sealed class MemberKeyComparer : IEqualityComparer<(object Container, ISymbol Member)>
    {
        public static readonly MemberKeyComparer Instance = new();

        public bool Equals((object Container, ISymbol Member) x, (object Container, ISymbol Member) y) =>
            KeyComparer.Instance.Equals(x.Container, y.Container) && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

        public int GetHashCode((object Container, ISymbol Member) obj) =>
            KeyComparer.Instance.GetHashCode(obj.Container) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Member);
    }
}
