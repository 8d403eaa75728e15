using System.Collections.Immutable;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>What kind of member a sink is.</summary>
internal enum SinkMemberKind
{
    /// <summary>A method; its named parameters carry the dangerous text.</summary>
    Method,

    /// <summary>A property whose setter receives the dangerous text.</summary>
    PropertySetter,

    /// <summary>A constructor of the type or of any type derived from it.</summary>
    Constructor,
}

/// <summary>
/// A sink as data: a member of a type (or of every type derived from it or implementing it) and the parameters
/// whose argument must not carry untrusted data. Rules declare sinks; the engine only matches them.
/// </summary>
internal sealed class SinkSpec
{
    public SinkSpec(
        string typeMetadataName,
        SinkMemberKind memberKind,
        ImmutableArray<string> memberNames,
        ImmutableArray<string> parameterNames,
        bool matchesNamePrefix = false)
    {
        TypeMetadataName = typeMetadataName;
        MemberKind = memberKind;
        MemberNames = memberNames;
        ParameterNames = parameterNames;
        MatchesNamePrefix = matchesNamePrefix;
    }

    /// <summary>The type that declares the sink; derived types and implementations match too.</summary>
    public string TypeMetadataName { get; }

    public SinkMemberKind MemberKind { get; }

    /// <summary>The member names; empty for constructors.</summary>
    public ImmutableArray<string> MemberNames { get; }

    /// <summary>The parameters whose argument is checked; "value" for a property setter.</summary>
    public ImmutableArray<string> ParameterNames { get; }

    /// <summary>Whether <see cref="MemberNames"/> are prefixes, as for Dapper's Query, QueryAsync, QueryFirst...</summary>
    public bool MatchesNamePrefix { get; }

    public static SinkSpec Method(string type, string[] names, params string[] parameters) =>
        new(type, SinkMemberKind.Method, ImmutableArray.Create(names), ImmutableArray.Create(parameters));

    public static SinkSpec MethodPrefix(string type, string[] prefixes, params string[] parameters) =>
        new(type, SinkMemberKind.Method, ImmutableArray.Create(prefixes), ImmutableArray.Create(parameters), true);

    public static SinkSpec Setter(string type, params string[] properties) =>
        new(type, SinkMemberKind.PropertySetter, ImmutableArray.Create(properties), ImmutableArray.Create("value"));

    public static SinkSpec Constructor(string type, params string[] parameters) =>
        new(type, SinkMemberKind.Constructor, ImmutableArray<string>.Empty, ImmutableArray.Create(parameters));
}
