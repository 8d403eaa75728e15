namespace RaspAnalyzers.Guards;

/// <summary>
/// The answer of a detector: clean, or an attack with a short reason and the index of the untrusted value that
/// caused it. The reason is a fixed phrase chosen by the detector, so it never carries request data.
/// </summary>
public readonly struct DetectorVerdict
{
    private readonly string? _reason;
    private readonly int _valueIndex;

    private DetectorVerdict(string reason, int valueIndex)
    {
        IsAttack = true;
        _reason = reason;
        _valueIndex = valueIndex;
    }

    /// <summary>A verdict that found nothing.</summary>
    public static DetectorVerdict Clean => default;

    /// <summary>True when an untrusted value changed the meaning of the sink value.</summary>
    public bool IsAttack { get; }

    /// <summary>A fixed phrase naming what the value did, such as "injects a comment"; empty when clean.</summary>
    public string Reason => _reason ?? string.Empty;

    /// <summary>The index of the offending value among the untrusted values given to the detector; -1 when clean.</summary>
    public int ValueIndex => IsAttack ? _valueIndex : -1;

    /// <summary>Creates an attack verdict.</summary>
    /// <param name="reason">A fixed phrase; never request data.</param>
    /// <param name="valueIndex">The index of the offending untrusted value, or -1 when no single value is to blame.</param>
    /// <returns>The verdict.</returns>
    public static DetectorVerdict Attack(string reason, int valueIndex) => new(reason, valueIndex);

    /// <inheritdoc />
    public override string ToString() => IsAttack ? $"attack: {Reason} (value {ValueIndex})" : "clean";
}
