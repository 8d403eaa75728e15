using System;
using System.Collections.Generic;

namespace RaspAnalyzers.Guards;

/// <summary>
/// The untrusted values of one request, bounded in count and size. Values that are empty or white space are
/// dropped because they cannot change the meaning of a sink value on their own.
/// </summary>
public sealed class UntrustedValues
{
    private UntrustedValue[] _items;
    private int _count;
    private long _totalChars;

    /// <summary>Creates an empty collection with the given bounds.</summary>
    /// <param name="maxValues">The most values kept; later values are dropped and <see cref="Truncated"/> set.</param>
    /// <param name="maxValueLength">Longer values are cut to this length (a prefix still finds the value in a sink).</param>
    /// <param name="maxTotalChars">The most characters kept over all values.</param>
    public UntrustedValues(int maxValues = 256, int maxValueLength = 4096, long maxTotalChars = 256 * 1024)
    {
        MaxValues = maxValues;
        MaxValueLength = maxValueLength;
        MaxTotalChars = maxTotalChars;
        _items = new UntrustedValue[Math.Min(8, Math.Max(1, maxValues))];
    }

    /// <summary>An empty collection that stays empty.</summary>
    public static UntrustedValues Empty { get; } = new(0, 0, 0);

    /// <summary>The most values kept.</summary>
    public int MaxValues { get; }

    /// <summary>The longest value kept, in characters.</summary>
    public int MaxValueLength { get; }

    /// <summary>The most characters kept over all values.</summary>
    public long MaxTotalChars { get; }

    /// <summary>How many values are kept.</summary>
    public int Count => _count;

    /// <summary>True when a bound dropped or cut a value; guards then see only part of the request.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The kept values.</summary>
    /// <returns>A span over the values, valid until the next <see cref="Add"/>.</returns>
    public ReadOnlySpan<UntrustedValue> AsSpan() => _items.AsSpan(0, _count);

    /// <summary>The value at <paramref name="index"/>.</summary>
    /// <param name="index">A position below <see cref="Count"/>.</param>
    public UntrustedValue this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Adds a value unless a bound is reached.</summary>
    /// <param name="part">The request part it came from.</param>
    /// <param name="name">Its name in that part.</param>
    /// <param name="value">Its text; null, empty and white-space values are ignored.</param>
    /// <returns>False when a bound dropped the value.</returns>
    public bool Add(RequestPart part, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (_count >= MaxValues || _totalChars >= MaxTotalChars)
        {
            Truncated = true;
            return false;
        }

        int length = (int)Math.Min(Math.Min(value.Length, MaxValueLength), MaxTotalChars - _totalChars);
        if (length < value.Length)
        {
            value = value.Substring(0, length);
            Truncated = true;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Min(MaxValues, _items.Length * 2));
        }

        _items[_count++] = new UntrustedValue(part, name, value);
        _totalChars += length;
        return true;
    }

    /// <summary>Creates a collection from plain values, for code that guards outside an HTTP request.</summary>
    /// <param name="values">The values; each is recorded as <see cref="RequestPart.Other"/>.</param>
    /// <returns>The collection.</returns>
    public static UntrustedValues From(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new UntrustedValues();
        int i = 0;
        foreach (string value in values)
        {
            result.Add(RequestPart.Other, "value" + i++, value);
        }

        return result;
    }
}
