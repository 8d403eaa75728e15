namespace RaspAnalyzers.Analyzers;

/// <summary>
/// Every diagnostic ID the package reports. The thousands digit is the family; an ID never changes meaning once
/// released (see AnalyzerReleases.Shipped.md).
/// </summary>
public static class DiagnosticIds
{
    public const string SqlInjection = "RASP1001";
}
