using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Where a tainted value comes from: a real source of untrusted data (a request parameter, a header), or, while a
/// method summary is computed, one of the method's own parameters standing for whatever its callers pass.
/// </summary>
internal sealed class TaintOrigin : System.IEquatable<TaintOrigin>
{
    /// <summary>The ordinal that stands for the receiver (<c>this</c>) of an instance method.</summary>
    public const int ReceiverOrdinal = -1;

    private TaintOrigin(string description, Location location, int parameterOrdinal)
    {
        Description = description;
        Location = location;
        ParameterOrdinal = parameterOrdinal;
    }

    /// <summary>What a reader is told the data is, such as "query parameter 'name'".</summary>
    public string Description { get; }

    /// <summary>Where the untrusted data enters the code.</summary>
    public Location Location { get; }

    /// <summary>For a symbolic origin, the parameter it stands for; otherwise <see cref="int.MinValue"/>.</summary>
    public int ParameterOrdinal { get; }

    public bool IsParameter => ParameterOrdinal != int.MinValue;

    public static TaintOrigin Source(string description, Location location) =>
        new(description, location, int.MinValue);

    public static TaintOrigin Parameter(int ordinal, string name, Location location) =>
        new("parameter '" + name + "'", location, ordinal);

    public bool Equals(TaintOrigin? other) =>
        other is not null
        && ParameterOrdinal == other.ParameterOrdinal
        && Location.Equals(other.Location)
        && string.Equals(Description, other.Description, System.StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TaintOrigin);

    public override int GetHashCode() => Location.GetHashCode() ^ ParameterOrdinal;

    public override string ToString() => Description;
}
