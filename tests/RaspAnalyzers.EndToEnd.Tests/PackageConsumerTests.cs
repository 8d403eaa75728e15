using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// A throwaway project outside the repository that adds the packed package the way a user would, with one
/// PackageReference, restores it from a local folder and is built with the real <c>dotnet build</c>.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageConsumerTests(PackedPackage package)
{
    private const string ControllerFile = "PatientSearchController.cs";

    // The consumer's only source file. The vulnerable and the safe action differ in how the name reaches the SQL.
    private static readonly string[] ControllerSource =
    [
        "using System.Data.Common;",
        "using Microsoft.AspNetCore.Mvc;",
        "",
        "namespace Consumer;",
        "",
        "[ApiController]",
        "[Route(\"patients\")]",
        "public sealed class PatientSearchController(DbConnection connection) : ControllerBase",
        "{",
        "    [HttpGet(\"count\")]",
        "    public object? Count(string familyName)",
        "    {",
        "        using var command = connection.CreateCommand();",
        "        command.CommandText = \"SELECT COUNT(*) FROM Patients WHERE FamilyName = '\" + familyName + \"'\";",
        "        return command.ExecuteScalar();",
        "    }",
        "",
        "    [HttpGet(\"count-safe\")]",
        "    public object? CountSafe(string familyName)",
        "    {",
        "        using var command = connection.CreateCommand();",
        "        command.CommandText = \"SELECT COUNT(*) FROM Patients WHERE FamilyName = @familyName\";",
        "        var parameter = command.CreateParameter();",
        "        parameter.ParameterName = \"@familyName\";",
        "        parameter.Value = familyName;",
        "        command.Parameters.Add(parameter);",
        "        return command.ExecuteScalar();",
        "    }",
        "}",
    ];

    private static readonly SourceSpot VulnerableSql =
        Spot("= \"SELECT COUNT(*) FROM Patients WHERE FamilyName = '\"", 2);

    private static readonly int SafeSqlLine =
        Spot("= \"SELECT COUNT(*) FROM Patients WHERE FamilyName = @familyName\"", 2).Line;

    [Fact]
    public async Task Building_the_consumer_warns_RASP1001_on_the_vulnerable_line_only()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());
        using var consumer = WriteConsumer("consumer");

        var build = await BuildAsync(consumer);

        Assert.True(build.ExitCode == 0, build.Describe());
        var results = RaspResults(consumer);
        var result = Assert.Single(results);
        Assert.Equal(
            ("RASP1001", "warning", VulnerableSql), (result.RuleId, result.Level, Relative(consumer, result.Location)));
        Assert.DoesNotContain(results, r => r.Location.Line == SafeSqlLine);
        Assert.Contains(
            $"{ControllerFile}({VulnerableSql.Line},{VulnerableSql.Column}): warning RASP1001:",
            build.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ci_preset_shipped_in_the_package_turns_RASP1001_into_a_build_error()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());
        using var consumer = WriteConsumer("consumer-ci");

        var build = await BuildAsync(consumer, "-p:RaspAnalyzersPreset=ci");

        Assert.True(build.ExitCode == 1, build.Describe());
        var result = Assert.Single(RaspResults(consumer));
        Assert.Equal(
            ("RASP1001", "error", VulnerableSql), (result.RuleId, result.Level, Relative(consumer, result.Location)));
        Assert.Contains(
            $"{ControllerFile}({VulnerableSql.Line},{VulnerableSql.Column}): error RASP1001:",
            build.Output,
            StringComparison.Ordinal);
    }

    private ScratchDirectory WriteConsumer(string purpose)
    {
        var consumer = package.NewScratch(purpose);

        // The local feed comes on top of the sources this machine already has, as a user would add a private feed.
        File.WriteAllText(consumer.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="raspanalyzers-under-test" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(consumer.Combine("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RaspAnalyzers" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllLines(consumer.Combine(ControllerFile), ControllerSource);
        return consumer;
    }

    private static Task<CommandResult> BuildAsync(ScratchDirectory consumer, params string[] extraArguments) =>
        DotnetCommand.RunAsync(
            consumer.Path,
            [
                "build", consumer.Combine("Consumer.csproj"),
                "-p:ErrorLog=" + consumer.Combine("build.sarif") + "%2Cversion=2.1",
                "-nodeReuse:false", "--disable-build-servers", "-tl:off",
                .. extraArguments,
            ]);

    private static SarifResult[] RaspResults(ScratchDirectory consumer) =>
        SarifLog.Read(consumer.Combine("build.sarif"))
            .Where(result => result.RuleId.StartsWith("RASP", StringComparison.Ordinal))
            .ToArray();

    private static SourceSpot Relative(ScratchDirectory consumer, SourceSpot spot) =>
        spot with { Path = Path.GetRelativePath(consumer.Path, spot.Path) };

    // Where a fragment of the source sits, 1-based; offset moves the column into the fragment (past "= ").
    private static SourceSpot Spot(string fragment, int offset)
    {
        bool Holds(string text) => text.Contains(fragment, StringComparison.Ordinal);

        var line = Array.FindIndex(ControllerSource, Holds);
        if (line < 0 || Array.FindLastIndex(ControllerSource, Holds) != line)
        {
            throw new InvalidOperationException($"The consumer source must hold '{fragment}' exactly once.");
        }

        var column = ControllerSource[line].IndexOf(fragment, StringComparison.Ordinal) + offset;
        return new SourceSpot(ControllerFile, line + 1, column + 1);
    }
}
