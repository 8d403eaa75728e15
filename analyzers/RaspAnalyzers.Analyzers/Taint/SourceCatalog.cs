using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The member sources of the chosen threat models, resolved against one compilation. Parameters bound by
/// ASP.NET Core are sources too, but they are decided by <see cref="RequestEntryPoints"/>.
/// </summary>
internal sealed class SourceCatalog
{
    private const string HttpRequest = "Microsoft.AspNetCore.Http.HttpRequest";
    private const string DbDataReader = "System.Data.Common.DbDataReader";
    private const string DataRecord = "System.Data.IDataRecord";

    private static readonly ImmutableArray<SourceSpec> Specs = ImmutableArray.Create(
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request query string", "Query", "QueryString"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request form", "Form"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request headers", "Headers"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request cookies", "Cookies"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request route values", "RouteValues"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request path", "Path", "PathBase"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request body", "Body", "BodyReader"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request Host header", "Host"),
        SourceSpec.Property(ThreatModels.Remote, HttpRequest, "the request Content-Type header", "ContentType"),
        SourceSpec.Method(ThreatModels.Remote, HttpRequest, "the request form", "ReadFormAsync"),
        SourceSpec.Method(ThreatModels.Remote, "Microsoft.AspNetCore.Http.HttpRequestJsonExtensions", "the request body",
            "ReadFromJsonAsync"),
        SourceSpec.Method(ThreatModels.Local, "System.Console", "console input", "ReadLine", "Read", "ReadKey"),
        SourceSpec.Method(ThreatModels.Local, "System.Environment", "an environment variable",
            "GetEnvironmentVariable", "GetEnvironmentVariables", "ExpandEnvironmentVariables"),
        SourceSpec.Method(ThreatModels.Local, "System.Environment", "the command line", "GetCommandLineArgs"),
        SourceSpec.Property(ThreatModels.Local, "System.Environment", "the command line", "CommandLine"),
        SourceSpec.Method(ThreatModels.Local, "System.IO.File", "a file's contents",
            "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadLines", "ReadLinesAsync"),
        SourceSpec.Method(ThreatModels.Database, DbDataReader, "a database value",
            "GetString", "GetValue", "GetFieldValue", "GetFieldValueAsync", "GetValues", "GetTextReader"),
        SourceSpec.Property(ThreatModels.Database, DbDataReader, "a database value", "Item"),
        SourceSpec.Method(ThreatModels.Database, DataRecord, "a database value", "GetString", "GetValue", "GetValues"),
        SourceSpec.Property(ThreatModels.Database, DataRecord, "a database value", "Item"));

    private readonly Dictionary<string, List<(SourceSpec Spec, INamedTypeSymbol Type)>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISymbol, string?> _cache = new(SymbolEqualityComparer.Default);

    public SourceCatalog(Compilation compilation, ThreatModels models)
    {
        Models = models;
        foreach (var spec in Specs)
        {
            if ((spec.Model & models) == 0 || compilation.GetTypeByMetadataName(spec.TypeMetadataName) is not { } type)
            {
                continue;
            }

            foreach (var name in spec.MemberNames)
            {
                if (!_byName.TryGetValue(name, out var list))
                {
                    _byName[name] = list = new List<(SourceSpec, INamedTypeSymbol)>();
                }

                list.Add((spec, type));
            }
        }
    }

    public ThreatModels Models { get; }

    public bool IsEmpty => _byName.Count == 0;

    /// <summary>How a message names what <paramref name="member"/> hands out, or null when it is no source.</summary>
    public string? Describe(ISymbol member)
    {
        if (!_byName.ContainsKey(member.Name))
        {
            return null;
        }

        return _cache.GetOrAdd(member.OriginalDefinition, symbol =>
        {
            foreach (var (spec, type) in _byName[symbol.Name])
            {
                if (spec.IsProperty == symbol is IPropertySymbol && symbol.ContainingType.IsOrInherits(type))
                {
                    return spec.Description;
                }
            }

            return null;
        });
    }
}
