using System;
using System.IO;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>Where the repository's projects are, found from the test assembly's own location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "RaspAnalyzers.sln");

    public static string SampleDirectory => Path.Combine(Root, "samples", "EhrPortal");

    public static string SampleProject => Path.Combine(SampleDirectory, "EhrPortal.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RaspAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No RaspAnalyzers.sln above {AppContext.BaseDirectory}; the tests run from inside the repository.");
    }
}
