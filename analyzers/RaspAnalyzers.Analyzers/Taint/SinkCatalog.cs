using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The sinks of every rule, resolved against one compilation. Lookups are by member name first, then by type,
/// and each member's answer is cached, so matching a call costs a dictionary lookup after the first time.
/// </summary>
internal sealed class SinkCatalog
{
    private readonly Dictionary<string, List<ResolvedSink>> _byMemberName = new(StringComparer.Ordinal);
    private readonly List<ResolvedSink> _byPrefix = new();
    private readonly List<ResolvedSink> _constructors = new();
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<(int Ordinal, SinkMatch Match)>> _cache =
        new(SymbolEqualityComparer.Default);

    private SinkCatalog()
    {
    }

    public bool IsEmpty => _byMemberName.Count == 0 && _byPrefix.Count == 0 && _constructors.Count == 0;

    public static SinkCatalog Create(Compilation compilation, ImmutableArray<TaintRule> rules)
    {
        var catalog = new SinkCatalog();
        foreach (var rule in rules)
        {
            foreach (var spec in rule.Sinks)
            {
                var type = compilation.GetTypeByMetadataName(spec.TypeMetadataName);
                if (type is null)
                {
                    continue;
                }

                var sink = new ResolvedSink(rule, spec, type);
                if (spec.MemberKind == SinkMemberKind.Constructor)
                {
                    catalog._constructors.Add(sink);
                }
                else if (spec.MatchesNamePrefix)
                {
                    catalog._byPrefix.Add(sink);
                }
                else
                {
                    foreach (var name in spec.MemberNames)
                    {
                        if (!catalog._byMemberName.TryGetValue(name, out var list))
                        {
                            catalog._byMemberName[name] = list = new List<ResolvedSink>();
                        }

                        list.Add(sink);
                    }
                }
            }
        }

        return catalog;
    }

    /// <summary>
    /// Whether the compilation's source could contain a sink at all: some identifier names a sink member, or a
    /// type that derives from a sink constructor's type. Read once per compilation, from tokens only, so that a
    /// library without any SQL costs one scan instead of an analysis of every method.
    /// </summary>
    public bool MayOccurIn(Compilation compilation, CancellationToken cancellation)
    {
        var constructorTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sink in _constructors)
        {
            constructorTypes.Add(sink.Type.Name);
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var token in tree.GetRoot(cancellation).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                var text = token.ValueText;
                if (_byMemberName.ContainsKey(text) || constructorTypes.Contains(text) || HasPrefixSink(text)
                    || (_constructors.Count > 0 && IsCommandLike(text)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool HasPrefixSink(string name)
    {
        foreach (var sink in _byPrefix)
        {
            foreach (var prefix in sink.Spec.MemberNames)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Provider types are named after what they derive from: SqliteCommand, NpgsqlDataAdapter. Only a type-like
    /// name counts; a local such as <c>searchCommand</c> is not a provider.
    /// </summary>
    private static bool IsCommandLike(string name) =>
        name.Length > 0 && char.IsUpper(name[0])
        && (name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("DataAdapter", StringComparison.Ordinal));

    /// <summary>The parameters of a method or constructor that are sinks, by ordinal.</summary>
    public ImmutableArray<(int Ordinal, SinkMatch Match)> MatchMethod(IMethodSymbol method) =>
        _cache.GetOrAdd(method.OriginalDefinition, symbol => Resolve((IMethodSymbol)symbol));

    /// <summary>The sink a property's setter is, if any.</summary>
    public SinkMatch? MatchSetter(IPropertySymbol property)
    {
        var matches = _cache.GetOrAdd(property.OriginalDefinition, symbol => ResolveSetter((IPropertySymbol)symbol));
        return matches.IsEmpty ? null : matches[0].Match;
    }

    private ImmutableArray<(int, SinkMatch)> Resolve(IMethodSymbol method)
    {
        var result = ImmutableArray.CreateBuilder<(int, SinkMatch)>();
        if (method.MethodKind == MethodKind.Constructor)
        {
            foreach (var sink in _constructors)
            {
                if (method.ContainingType.IsOrInherits(sink.Type))
                {
                    AddParameters(result, method, sink);
                }
            }

            return result.ToImmutable();
        }

        if (_byMemberName.TryGetValue(method.Name, out var named))
        {
            foreach (var sink in named)
            {
                if (sink.Spec.MemberKind == SinkMemberKind.Method && method.ContainingType.IsOrInherits(sink.Type))
                {
                    AddParameters(result, method, sink);
                }
            }
        }

        foreach (var sink in _byPrefix)
        {
            foreach (var prefix in sink.Spec.MemberNames)
            {
                if (method.Name.StartsWith(prefix, StringComparison.Ordinal)
                    && method.ContainingType.IsOrInherits(sink.Type))
                {
                    AddParameters(result, method, sink);
                    break;
                }
            }
        }

        return result.ToImmutable();
    }

    private ImmutableArray<(int, SinkMatch)> ResolveSetter(IPropertySymbol property)
    {
        if (_byMemberName.TryGetValue(property.Name, out var named))
        {
            foreach (var sink in named)
            {
                if (sink.Spec.MemberKind == SinkMemberKind.PropertySetter
                    && property.ContainingType.IsOrInherits(sink.Type))
                {
                    return ImmutableArray.Create((0, new SinkMatch(sink.Rule, property.ToMemberDisplay())));
                }
            }
        }

        return ImmutableArray<(int, SinkMatch)>.Empty;
    }

    private static void AddParameters(ImmutableArray<(int, SinkMatch)>.Builder result, IMethodSymbol method, ResolvedSink sink)
    {
        foreach (var parameter in method.Parameters)
        {
            // Only text parameters are dangerous: FromSql(FormattableString) or a CommandDefinition is the safe API.
            if (IsText(parameter.Type) && sink.Spec.ParameterNames.Contains(parameter.Name))
            {
                result.Add((parameter.Ordinal, new SinkMatch(sink.Rule, method.ToMemberDisplay())));
            }
        }
    }

    /// <summary>A string, or EF Core 2's RawSqlString, which a string converts to implicitly.</summary>
    private static bool IsText(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || (type.Name == "RawSqlString" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore");

    private sealed class ResolvedSink
    {
        public ResolvedSink(TaintRule rule, SinkSpec spec, INamedTypeSymbol type)
        {
            Rule = rule;
            Spec = spec;
            Type = type;
        }

        public TaintRule Rule { get; }

        public SinkSpec Spec { get; }

        public INamedTypeSymbol Type { get; }
    }
}
