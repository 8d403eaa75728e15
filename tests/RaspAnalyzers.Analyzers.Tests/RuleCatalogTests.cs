using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Every rule the package ships is documented, tracked for release, tagged and gated by the CI preset.</summary>
public class RuleCatalogTests
{
    public static IEnumerable<object[]> Rules() =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => new object[] { descriptor.Id })
            .Distinct(new IdComparer());

    [Fact]
    public void Every_constant_in_DiagnosticIds_is_reported_by_some_analyzer()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(field => (string)field.GetValue(null)!).OrderBy(id => id);
        var reported = Rules().Select(row => (string)row[0]).OrderBy(id => id);

        Assert.Equal(constants, reported);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_has_a_page_a_release_entry_a_description_and_a_CWE(string id)
    {
        var descriptor = Descriptor(id);
        var root = RepositoryRoot();

        var page = Path.Combine(root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page at docs/rules/{id}.md");
        Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);

        var releases = Directory.GetFiles(Path.Combine(root, "analyzers", "RaspAnalyzers.Analyzers"), "AnalyzerReleases.*.md")
            .SelectMany(File.ReadAllLines);
        Assert.Contains(releases, line => line.StartsWith(id + " ", StringComparison.Ordinal));

        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id} has no description");
        Assert.Contains(descriptor.CustomTags, tag => tag.StartsWith("CWE-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_is_an_error_under_the_ci_preset_and_listed_in_the_README(string id)
    {
        var root = RepositoryRoot();

        var preset = File.ReadAllLines(Path.Combine(root, "package", "build", "RaspAnalyzers.ci.globalconfig"));
        Assert.Contains($"dotnet_diagnostic.{id}.severity = error", preset);

        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme, StringComparison.Ordinal);
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .First(descriptor => descriptor.Id == id);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RaspAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from outside the repository: RaspAnalyzers.sln was not found.");
    }

    private sealed class IdComparer : IEqualityComparer<object[]>
    {
        public bool Equals(object[]? x, object[]? y) => Equals(x?[0], y?[0]);

        public int GetHashCode(object[] obj) => obj[0].GetHashCode();
    }
}
