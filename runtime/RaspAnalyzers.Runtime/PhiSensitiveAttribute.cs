using System;
using Microsoft.Extensions.Compliance.Classification;

namespace RaspAnalyzers;

/// <summary>
/// Marks a field, property or parameter as electronic protected health information (PHI).
/// </summary>
/// <remarks>
/// The analyzers treat a marked member as PHI wherever it flows: logged, persisted, placed in a URL or shown.
/// Because the attribute is a <see cref="DataClassificationAttribute"/> in the <see cref="PhiTaxonomy"/>
/// taxonomy, .NET's logging and redaction (Microsoft.Extensions.Compliance) redact it with the redactor
/// registered for <see cref="PhiTaxonomy.Phi"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class PhiSensitiveAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the member as PHI.</summary>
    public PhiSensitiveAttribute()
        : base(PhiTaxonomy.Phi)
    {
    }

    /// <summary>
    /// The HIPAA identifier the member holds, such as "name", "medical record number" or "date of birth";
    /// audit events and reports show it. Optional.
    /// </summary>
    public string? Identifier { get; set; }
}
