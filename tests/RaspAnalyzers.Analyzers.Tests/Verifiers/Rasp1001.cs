using Microsoft.CodeAnalysis.Testing;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests.Verifiers;

/// <summary>The expected RASP1001 diagnostic, message arguments spelled out as a reader sees them.</summary>
internal static class Rasp1001
{
    public static DiagnosticResult Expect(string source, string sink, string? via = null) =>
        Verify.Diagnostic("RASP1001")
            .WithArguments(source, "the SQL text of '" + sink + "'", via is null ? string.Empty : " in '" + via + "'");

    /// <summary>Primary location 0 and additional locations 1..<paramref name="last"/>, in path order.</summary>
    public static DiagnosticResult At(this DiagnosticResult result, int last)
    {
        for (var i = 0; i <= last; i++)
        {
            result = result.WithLocation(i);
        }

        return result;
    }
}
