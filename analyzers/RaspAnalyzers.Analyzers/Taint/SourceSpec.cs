using System.Collections.Immutable;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// A source as data: a method or property of a type (or of every type derived from it) whose result is
/// untrusted under a threat model, and how a message names that data.
/// </summary>
internal sealed class SourceSpec
{
    public SourceSpec(ThreatModels model, string typeMetadataName, bool isProperty, ImmutableArray<string> memberNames, string description)
    {
        Model = model;
        TypeMetadataName = typeMetadataName;
        IsProperty = isProperty;
        MemberNames = memberNames;
        Description = description;
    }

    public ThreatModels Model { get; }

    public string TypeMetadataName { get; }

    public bool IsProperty { get; }

    public ImmutableArray<string> MemberNames { get; }

    /// <summary>Such as "the request query string" or "an environment variable".</summary>
    public string Description { get; }

    public static SourceSpec Property(ThreatModels model, string type, string description, params string[] names) =>
        new(model, type, isProperty: true, ImmutableArray.Create(names), description);

    public static SourceSpec Method(ThreatModels model, string type, string description, params string[] names) =>
        new(model, type, isProperty: false, ImmutableArray.Create(names), description);
}
