using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// What README.md tells a newcomer to run is what CI runs, and the documentation's links lead somewhere.
/// </summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void The_test_command_in_the_README_is_the_one_CI_runs()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));
        var ci = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, ".ci", "run"));

        var readmeTest = Assert.Single(readme, line => line.StartsWith("dotnet test ", StringComparison.Ordinal));
        var ciTest = Assert.Single(ci, line => line.StartsWith("dotnet test ", StringComparison.Ordinal));

        Assert.Equal("dotnet test RaspAnalyzers.sln -c Release", readmeTest);
        Assert.Equal(readmeTest, ciTest);
    }

    [Fact]
    public void The_README_builds_the_sample_by_a_folder_that_holds_exactly_one_project()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));

        Assert.Contains("dotnet build samples/EhrPortal", readme);
        // dotnet build refuses a folder with more than one project file in it.
        var projects = Directory.GetFiles(RepositoryLayout.SampleDirectory, "*.*proj")
            .Select(file => Path.GetFileName(file));
        Assert.Equal(["EhrPortal.csproj"], projects);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/rules/RASP1001.md")]
    [InlineData("samples/EhrPortal/README.md")]
    public void Every_relative_link_points_at_a_file_or_folder_of_the_repository(string document)
    {
        var path = Path.Combine(RepositoryLayout.Root, document);
        var folder = Path.GetDirectoryName(path)!;

        var broken = RelativeLink().Matches(File.ReadAllText(path))
            .Select(match => match.Groups["target"].Value)
            .Where(target => !Path.Exists(Path.Combine(folder, target)))
            .ToArray();

        Assert.Empty(broken);
    }

    // A markdown link whose target has no scheme; an anchor after the path is not part of the file name.
    [GeneratedRegex(@"\]\((?<target>(?![a-z]+:)[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex RelativeLink();
}
