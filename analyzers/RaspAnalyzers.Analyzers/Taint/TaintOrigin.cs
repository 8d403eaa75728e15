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

    private TaintOrigin(string description, Location location, int parameterOrdinal, ISymbol? member = null)
    {
        Description = description;
        Location = location;
        ParameterOrdinal = parameterOrdinal;
        Member = member;
    }

    /// <summary>What a reader is told the data is, such as "query parameter 'name'".</summary>
    public string Description { get; }

    /// <summary>Where the untrusted data enters the code.</summary>
    public Location Location { get; }

    /// <summary>For a symbolic origin, the parameter it stands for; otherwise <see cref="int.MinValue"/>.</summary>
    public int ParameterOrdinal { get; }

    public bool IsParameter => ParameterOrdinal != int.MinValue;

    /// <summary>
    /// For a symbolic origin read through a member (<c>order.Shipment</c>), that member: a caller that knows what
    /// it stored in the member substitutes that, not the whole object.
    /// </summary>
    public ISymbol? Member { get; }

    public static TaintOrigin Source(string description, Location location) =>
        new(description, location, int.MinValue);

    public static TaintOrigin Parameter(int ordinal, string name, Location location) =>
        new("parameter '" + name + "'", location, ordinal);

    /// <summary>This parameter origin narrowed to one of its members.</summary>
    public TaintOrigin WithMember(ISymbol member) =>
        IsParameter && Member is null ? new(Description, Location, ParameterOrdinal, member) : this;

    public bool Equals(TaintOrigin? other) =>
        other is not null
        && ParameterOrdinal == other.ParameterOrdinal
        && SymbolEqualityComparer.Default.Equals(Member, other.Member)
        && Location.Equals(other.Location)
        && string.Equals(Description, other.Description, System.StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TaintOrigin);

    public override int GetHashCode() => Location.GetHashCode() ^ ParameterOrdinal;

    public override string ToString() => Description;
}
