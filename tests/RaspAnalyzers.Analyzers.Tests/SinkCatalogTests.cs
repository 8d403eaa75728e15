using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RaspAnalyzers.Analyzers.Rules;
using RaspAnalyzers.Analyzers.Taint;
using RaspAnalyzers.Analyzers.Tests.Verifiers;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>The token pre-check that lets a compilation without SQL skip the analysis.</summary>
public class SinkCatalogTests
{
    private static bool MayOccur(string source)
    {
        var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All);
        var catalog = SinkCatalog.Create(compilation, ImmutableArray.Create<TaintRule>(SqlInjectionRule.Instance));
        return catalog.MayOccurIn(compilation, CancellationToken.None);
    }

    [Theory]
    [InlineData("class C { void M(System.Data.Common.DbCommand c) => c.CommandText = \"\"; }")]
    [InlineData("class C { object M(Microsoft.Data.Sqlite.SqliteConnection c) => new Microsoft.Data.Sqlite.SqliteCommand(\"\", c); }")]
    [InlineData("class C { void M(Microsoft.EntityFrameworkCore.DbContext d) => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRaw(d.Database, \"\"); }")]
    [InlineData("using Dapper; class C { void M(System.Data.IDbConnection c) => c.QueryFirst<int>(\"\"); }")]
    public void Source_that_names_a_sink_is_analyzed(string source) => Assert.True(MayOccur(source));

    [Theory]
    [InlineData("class C { int M(int[] values) => values.Length; }")]
    [InlineData("class Fhir { string Describe(string resource) => \"Patient/\" + resource; }")]
    [InlineData("class Search { int Count(string[] parts) { var searchCommand = parts[0]; return searchCommand.Length; } }")]
    public void Source_without_any_sink_name_is_skipped(string source) => Assert.False(MayOccur(source));
}
