namespace RaspAnalyzers.Analyzers;

/// <summary>The diagnostic categories, one per family of IDs.</summary>
public static class DiagnosticCategories
{
    public const string Injection = "Injection";
    public const string Phi = "PHI";
    public const string Transport = "Transport";
    public const string Access = "Access";
    public const string Usage = "Usage";
}
