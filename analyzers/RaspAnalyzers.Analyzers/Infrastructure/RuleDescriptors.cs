using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers;

/// <summary>
/// The one place a <see cref="DiagnosticDescriptor"/> is made: every rule gets a title, a message, a
/// description, a help link to its page under docs/rules and its CWE numbers as tags.
/// </summary>
internal static class RuleDescriptors
{
    private const string HelpLinkBase = "https://github.com/raspanalyzers/raspanalyzers/blob/main/docs/rules/";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string description,
        string category,
        int[] cwes,
        DiagnosticSeverity severity = DiagnosticSeverity.Warning)
    {
        var tags = cwes.Select(cwe => "CWE-" + cwe.ToString(CultureInfo.InvariantCulture))
            .Concat(new[] { "Security" })
            .ToArray();

        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: tags);
    }
}
