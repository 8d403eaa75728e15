using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>The .nupkg that <c>dotnet pack RaspAnalyzers.sln</c> writes, opened as the zip file it is.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    [Fact]
    public void Packing_the_solution_writes_the_package_its_EF_Core_companion_and_the_audit_tool()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());

        var written = Directory.GetFiles(package.FeedDirectory).Select(file => Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                $"RaspAnalyzers.{package.Version}.nupkg",
                $"RaspAnalyzers.EntityFrameworkCore.{package.Version}.nupkg",
                $"RaspAnalyzers.RaspAudit.{package.Version}.nupkg",
            ],
            written);
    }

    [Fact]
    public void The_package_holds_the_analyzer_side_under_analyzers_and_the_runtime_under_lib_and_nothing_else()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());
        using var archive = ZipFile.OpenRead(package.PackagePath);

        var entries = archive.Entries.Select(entry => entry.FullName).ToList();
        var contents = entries.Where(name => !name.StartsWith(CorePropertiesFolder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                "README.md",
                "RaspAnalyzers.nuspec",
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/RaspAnalyzers.Analyzers.dll",
                "analyzers/dotnet/cs/RaspAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/RaspAnalyzers.Generators.dll",
                "build/RaspAnalyzers.ci.globalconfig",
                "build/RaspAnalyzers.props",
                "lib/net8.0/RaspAnalyzers.Runtime.dll",
                "lib/net8.0/RaspAnalyzers.Runtime.xml",
            ],
            contents);
        Assert.Single(entries, name => name.StartsWith(CorePropertiesFolder, StringComparison.Ordinal));
    }

    [Fact]
    public void The_nuspec_names_the_runtime_dependencies_and_the_ASP_NET_Core_framework()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());
        var metadata = ReadNuspecMetadata();
        var ns = metadata.Name.Namespace;

        Assert.Equal("RaspAnalyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);

        var dependencyGroup = Assert.Single(metadata.Element(ns + "dependencies")!.Elements(ns + "group"));
        Assert.Equal("net8.0", dependencyGroup.Attribute("targetFramework")!.Value);

        // The package project lists the runtime's dependencies by hand; they must stay the runtime's exactly.
        var runtime = XDocument.Load(
            Path.Combine(RepositoryLayout.Root, "runtime", "RaspAnalyzers.Runtime", "RaspAnalyzers.Runtime.csproj"));
        var expected = runtime.Descendants("PackageReference")
            .Select(reference => reference.Attribute("Include")!.Value)
            .Order(StringComparer.Ordinal)
            .Select(id => (id, CentralVersionOf(id)))
            .ToArray();
        var actual = dependencyGroup.Elements(ns + "dependency")
            .Select(dependency => (dependency.Attribute("id")!.Value, dependency.Attribute("version")!.Value))
            .Order()
            .ToArray();
        Assert.Equal(expected, actual);
        Assert.Contains(
            ("Microsoft.Extensions.Compliance.Abstractions", CentralVersionOf("Microsoft.Extensions.Compliance.Abstractions")),
            actual);

        var frameworkGroup = Assert.Single(metadata.Element(ns + "frameworkReferences")!.Elements(ns + "group"));
        Assert.Equal("net8.0", frameworkGroup.Attribute("targetFramework")!.Value);
        var framework = Assert.Single(frameworkGroup.Elements(ns + "frameworkReference"));
        Assert.Equal("Microsoft.AspNetCore.App", framework.Attribute("name")!.Value);
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/RaspAnalyzers.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/RaspAnalyzers.CodeFixes.dll")]
    [InlineData("analyzers/dotnet/cs/RaspAnalyzers.Generators.dll")]
    public void Analyzer_side_assemblies_target_netstandard_and_need_no_compiler_newer_than_the_Roslyn_floor(
        string entryName)
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());

        var references = ReadAssemblyReferences(entryName);

        Assert.Equal(new Version(2, 0, 0, 0), Assert.Single(references, r => r.Name == "netstandard").Version);
        // A reference above 4.11 would keep the package from loading in the .NET 8.0.4xx SDK's compiler.
        var compiler = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.All(compiler, reference => Assert.Equal(new Version(4, 11, 0, 0), reference.Version));
    }

    [Fact]
    public void The_analyzer_assembly_is_built_against_the_Roslyn_floor()
    {
        Assert.True(package.PackResult.ExitCode == 0, package.PackResult.Describe());

        var references = ReadAssemblyReferences("analyzers/dotnet/cs/RaspAnalyzers.Analyzers.dll");

        var compiler = Assert.Single(references, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new Version(4, 11, 0, 0), compiler.Version);
    }

    private XElement ReadNuspecMetadata()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var nuspec = archive.GetEntry("RaspAnalyzers.nuspec")!.Open();
        var document = XDocument.Load(nuspec);
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private (string Name, Version Version)[] ReadAssemblyReferences(string entryName)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var compressed = archive.GetEntry(entryName)!.Open();
        using var image = new MemoryStream();
        compressed.CopyTo(image);
        image.Position = 0;

        using var reader = new PEReader(image);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToArray();
    }

    private static string CentralVersionOf(string packageId)
    {
        var props = XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(element => element.Attribute("Include")?.Value == packageId)
            .Attribute("Version")!.Value;
    }
}
