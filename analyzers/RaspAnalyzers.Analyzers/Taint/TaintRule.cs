using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// One injection rule as the taint engine reads it: the diagnostic it reports, its sinks, and what it calls the
/// dangerous text in a message ("the SQL text").
/// </summary>
internal abstract class TaintRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract ImmutableArray<SinkSpec> Sinks { get; }

    /// <summary>How a message names what the sink receives, such as "the SQL text".</summary>
    public abstract string SinkNoun { get; }
}
