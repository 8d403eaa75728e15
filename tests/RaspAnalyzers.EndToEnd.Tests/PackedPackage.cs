using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// The RaspAnalyzers package, packed once per test run from the real solution with <c>dotnet pack</c>. Each run
/// gets its own pre-release version, so NuGet's global package cache can never hand a consumer a stale copy.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new("pack");

    public string Version { get; } = "0.1.0-e2e." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>The folder <c>dotnet pack -o</c> wrote to; consumers use it as a package source.</summary>
    public string FeedDirectory => _scratch.Combine("feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"RaspAnalyzers.{Version}.nupkg");

    /// <summary>What <c>dotnet pack</c> printed; every test that uses the package first asserts it succeeded.</summary>
    internal CommandResult PackResult { get; private set; } = new("dotnet pack", -1, "not run");

    internal ScratchDirectory NewScratch(string purpose) => new(purpose);

    public async Task InitializeAsync()
    {
        // The build goes to its own artifacts folder, so it never races the solution build that runs these tests.
        PackResult = await DotnetCommand.RunAsync(
            RepositoryLayout.Root,
            "pack", RepositoryLayout.Solution,
            "-c", "Release",
            "-o", FeedDirectory,
            "-p:Version=" + Version,
            "--artifacts-path", _scratch.Combine("artifacts"),
            "-nodeReuse:false", "--disable-build-servers", "-tl:off");
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        DeleteFromGlobalPackageCache();
        return Task.CompletedTask;
    }

    // Consumers restored this one-off version into the global cache; nothing will ever ask for it again.
    private void DeleteFromGlobalPackageCache()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var extracted = Path.Combine(cache, "raspanalyzers", Version.ToLowerInvariant());
        try
        {
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind, it costs a few kilobytes of disk and nothing else.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
