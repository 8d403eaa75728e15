using Microsoft.Extensions.Compliance.Classification;

namespace RaspAnalyzers;

/// <summary>
/// The data classification taxonomy of RaspAnalyzers. Redactors registered for <see cref="Phi"/> apply to
/// every member marked <see cref="PhiSensitiveAttribute"/>.
/// </summary>
public static class PhiTaxonomy
{
    /// <summary>The name of the taxonomy, as Microsoft.Extensions.Compliance reports it.</summary>
    public const string TaxonomyName = "RaspAnalyzers";

    /// <summary>Electronic protected health information, as HIPAA defines it.</summary>
    public static DataClassification Phi => new(TaxonomyName, nameof(Phi));
}
