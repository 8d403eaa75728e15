using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Tests.Verifiers;

/// <summary>
/// The assemblies test sources compile against: the shared frameworks this test runs on (.NET and ASP.NET Core)
/// and the data-access libraries the rules know. Taken from the running process, so no download is needed.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] LibraryPrefixes =
    {
        "Dapper", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql",
        "RaspAnalyzers.Runtime", "Microsoft.Extensions.Compliance",
    };

    public static ImmutableArray<MetadataReference> All { get; } = Load();

    /// <summary>All but the assemblies whose file name starts with <paramref name="prefix"/>, for a test that declares them.</summary>
    public static ImmutableArray<MetadataReference> Without(string prefix) =>
        All.Where(reference => !Path.GetFileName(reference.Display ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal))
            .ToImmutableArray();

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(IsWanted)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsWanted(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        if (directory.Contains("Microsoft.NETCore.App", StringComparison.Ordinal)
            || directory.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal))
        {
            return !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
        }

        var name = Path.GetFileName(path);
        return LibraryPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }
}
