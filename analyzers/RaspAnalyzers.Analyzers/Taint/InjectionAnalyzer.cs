using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RaspAnalyzers.Analyzers.Rules;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Runs the taint engine once per method body for every injection rule at once, and reports each sink that
/// request data reaches through the rule that owns the sink. Per method, never at compilation end, so results
/// appear live in the IDE.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InjectionAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<TaintRule> Rules = ImmutableArray.Create<TaintRule>(SqlInjectionRule.Instance);

    /// <summary>The diagnostic property that says whether it sits on the sink's own argument or on a call.</summary>
    public const string ReportedAtProperty = "RaspReportedAt";

    private static readonly ImmutableDictionary<string, string?> AtSink =
        ImmutableDictionary<string, string?>.Empty.Add(ReportedAtProperty, "sink");

    private static readonly ImmutableDictionary<string, string?> AtCall =
        ImmutableDictionary<string, string?>.Empty.Add(ReportedAtProperty, "call");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.Select(rule => rule.Descriptor).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(start =>
        {
            // One engine per set of threat models in use; almost always one set for the whole compilation.
            var compilation = start.Compilation;
            var engines = new ConcurrentDictionary<ThreatModels, TaintEngine?>();
            start.RegisterOperationBlockAction(block =>
            {
                var options = block.Options.AnalyzerConfigOptionsProvider.GetOptions(block.OwningSymbol.Locations[0].SourceTree!);
                var models = ThreatModelOption.Parse(options.TryGetValue(ThreatModelOption.Key, out var value) ? value : null);
                var engine = engines.GetOrAdd(models, m => TaintEngine.Create(compilation, Rules, m));
                if (engine is not null)
                {
                    AnalyzeBlock(block, engine);
                }
            });
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, TaintEngine engine)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            // Parameter default values and attribute arguments are blocks too; only bodies run code.
            if (block is not (IMethodBodyBaseOperation or IBlockOperation))
            {
                continue;
            }

            var cfg = context.GetControlFlowGraph(block);
            foreach (var hit in engine.AnalyzeEntry(method, cfg, context.CancellationToken))
            {
                context.ReportDiagnostic(CreateDiagnostic(hit));
            }
        }
    }

    private static Diagnostic CreateDiagnostic(SinkHit hit)
    {
        var flow = hit.Taint.Flows[0];
        var path = new List<Location> { flow.Origin.Location };
        foreach (var step in flow.Steps)
        {
            if (!path.Contains(step) && step != hit.ReportLocation)
            {
                path.Add(step);
            }
        }

        if (hit.SinkLocation != hit.ReportLocation && !path.Contains(hit.SinkLocation))
        {
            path.Add(hit.SinkLocation);
        }

        var via = hit.Via is null ? string.Empty : " in '" + hit.Via + "'";
        return Diagnostic.Create(
            hit.Sink.Rule.Descriptor,
            hit.ReportLocation,
            path,
            hit.Via is null ? AtSink : AtCall,
            flow.Origin.Description,
            hit.Sink.Rule.SinkNoun + " of '" + hit.Sink.Display + "'",
            via);
    }
}
