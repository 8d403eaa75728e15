using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>One place in a source file, as a SARIF region gives it (1-based).</summary>
internal sealed record SourceSpot(string Path, int Line, int Column);

/// <summary>One result of the compiler's SARIF 2.1 error log.</summary>
internal sealed record SarifResult(
    string RuleId,
    string Level,
    string Message,
    SourceSpot Location,
    IReadOnlyList<SourceSpot> RelatedLocations,
    bool IsSuppressed);

/// <summary>
/// Reads the error log the C# compiler writes for <c>-p:ErrorLog=file%2Cversion=2.1</c>. Only what the tests look
/// at is read: rule, level, message, primary and related locations, and whether the result was suppressed.
/// </summary>
internal static class SarifLog
{
    public static IReadOnlyList<SarifResult> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (root.GetProperty("version").GetString() != "2.1.0")
        {
            throw new InvalidDataException($"{path} is not a SARIF 2.1.0 log.");
        }

        return root.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : [])
            .Select(ReadResult)
            .ToList();
    }

    private static SarifResult ReadResult(JsonElement result)
    {
        var locations = result.TryGetProperty("locations", out var primary) ? ReadSpots(primary) : [];
        var related = result.TryGetProperty("relatedLocations", out var more) ? ReadSpots(more) : [];

        return new SarifResult(
            result.GetProperty("ruleId").GetString()!,
            result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
            result.GetProperty("message").GetProperty("text").GetString()!,
            locations.Count > 0 ? locations[0] : new SourceSpot("", 0, 0),
            related,
            result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0);
    }

    private static List<SourceSpot> ReadSpots(JsonElement locations) =>
        locations.EnumerateArray()
            .Where(location => location.TryGetProperty("physicalLocation", out _))
            .Select(location =>
            {
                var physical = location.GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var region = physical.GetProperty("region");
                return new SourceSpot(
                    new Uri(uri).LocalPath,
                    region.GetProperty("startLine").GetInt32(),
                    region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1);
            })
            .ToList();
}
