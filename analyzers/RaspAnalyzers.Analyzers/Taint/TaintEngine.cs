using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// The taint engine for one compilation: the resolved sources, sinks and sanitizers, and the cache of method
/// summaries. Made at compilation start, shared by every method's analysis, safe to use concurrently.
/// </summary>
internal sealed class TaintEngine
{
    /// <summary>Calls are followed this deep; a deeper chain is treated as returning clean data.</summary>
    public const int MaxCallDepth = 6;

    /// <summary>The work one method's analysis may do, in evaluated operations, callees excluded.</summary>
    public const int MaxOperationsPerMethod = 40_000;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IPropertySymbol, string?> _boundProperties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, byte> _analyzedHandlers = new(SymbolEqualityComparer.Default);

    private TaintEngine(Compilation compilation, RemoteSources sources, SinkCatalog sinks)
    {
        _compilation = compilation;
        Sources = sources;
        Sinks = sinks;
        EntryPoints = new RequestEntryPoints(compilation, sources);
        Sanitizing = new SanitizingTypes(compilation);
        Implementations = new Implementations(compilation);
    }

    public RemoteSources Sources { get; }

    public RequestEntryPoints EntryPoints { get; }

    public SinkCatalog Sinks { get; }

    public SanitizingTypes Sanitizing { get; }

    public Implementations Implementations { get; }

    /// <summary>The engine, or null when the compilation has no source or no sink, so nothing can be found.</summary>
    public static TaintEngine? Create(Compilation compilation, ImmutableArray<TaintRule> rules)
    {
        var sources = RemoteSources.Create(compilation);
        if (!sources.IsPresent)
        {
            return null;
        }

        var sinks = SinkCatalog.Create(compilation, rules);
        return sinks.IsEmpty ? null : new TaintEngine(compilation, sources, sinks);
    }

    /// <summary>
    /// Analyzes one method body for diagnostics: its parameters are sources when ASP.NET Core binds them from the
    /// request. Returns the sinks reached by real sources.
    /// </summary>
    public ImmutableArray<SinkHit> AnalyzeEntry(IMethodSymbol method, ControlFlowGraph cfg, CancellationToken cancellation)
    {
        var state = new TaintState();
        var origins = EntryPoints.ForControllerMethod(method);
        if (!origins.IsDefault)
        {
            for (var i = 0; i < origins.Length; i++)
            {
                if (origins[i] is { } origin)
                {
                    state.Set(method.Parameters[i], TaintValue.FromOrigin(origin));
                }
            }
        }

        var analysis = new FlowAnalysis(
            this, cfg, state, ImmutableHashSet<IMethodSymbol>.Empty, isEntry: true, NewBudget(), cancellation);
        return OnlyRealSources(analysis.Run().Hits);
    }

    /// <summary>
    /// Analyzes a method used as a minimal-API handler by method group, once per compilation, with its
    /// parameters as sources.
    /// </summary>
    public ImmutableArray<SinkHit> AnalyzeHandlerOnce(IMethodSymbol handler, string? pattern, CancellationToken cancellation)
    {
        if (!_analyzedHandlers.TryAdd(handler.OriginalDefinition, 0) || !TryCreateGraph(handler, cancellation, out var cfg))
        {
            return ImmutableArray<SinkHit>.Empty;
        }

        var state = new TaintState();
        var origins = EntryPoints.ForMinimalApiHandler(handler, pattern);
        for (var i = 0; i < origins.Length; i++)
        {
            if (origins[i] is { } origin)
            {
                state.Set(handler.Parameters[i], TaintValue.FromOrigin(origin));
            }
        }

        var analysis = new FlowAnalysis(
            this, cfg!, state, ImmutableHashSet<IMethodSymbol>.Empty, isEntry: true, NewBudget(), cancellation);
        return OnlyRealSources(analysis.Run().Hits);
    }

    /// <summary>
    /// The summary of a method with a body in this compilation, computed on first use. A recursive call, or a call
    /// deeper than <see cref="MaxCallDepth"/>, gets the empty summary.
    /// </summary>
    public MethodSummary GetSummary(IMethodSymbol method, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellation)
    {
        method = method.OriginalDefinition;
        if (_summaries.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (callers.Contains(method) || callers.Count >= MaxCallDepth)
        {
            return MethodSummary.Empty;
        }

        if (!TryCreateGraph(method, cancellation, out var cfg))
        {
            return _summaries.GetOrAdd(method, MethodSummary.Empty);
        }

        var state = new TaintState();
        foreach (var parameter in method.Parameters)
        {
            state.Set(parameter, TaintValue.FromOrigin(
                TaintOrigin.Parameter(parameter.Ordinal, parameter.Name, parameter.Locations[0])));
        }

        if (!method.IsStatic)
        {
            state.Set(TaintState.Receiver, TaintValue.FromOrigin(
                TaintOrigin.Parameter(TaintOrigin.ReceiverOrdinal, "this", method.Locations[0])));
        }

        var result = new FlowAnalysis(this, cfg!, state, callers.Add(method), isEntry: false, NewBudget(), cancellation).Run();
        var parameterSinks = ImmutableArray.CreateBuilder<SinkHit>();
        foreach (var hit in result.Hits)
        {
            var fromParameters = TaintValue.Clean;
            foreach (var flow in hit.Taint.Flows)
            {
                if (flow.Origin.IsParameter)
                {
                    fromParameters = fromParameters.Union(TaintValue.From(flow));
                }
            }

            if (fromParameters.IsTainted)
            {
                parameterSinks.Add(hit.WithTaint(fromParameters));
            }
        }

        return _summaries.GetOrAdd(method, new MethodSummary(result.Returned, parameterSinks.ToImmutable()));
    }

    /// <summary>Whether the method has a body in this compilation that a summary can be computed from.</summary>
    public bool HasBody(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        return method.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension
            && _compilation.ContainsSyntaxTree(method.DeclaringSyntaxReferences[0].SyntaxTree);
    }

    /// <summary>The source description of a property bound from the request, cached per property.</summary>
    public string? DescribeBoundProperty(IPropertySymbol property) =>
        _boundProperties.GetOrAdd(property.OriginalDefinition, p => Sources.DescribeBoundProperty(p));

    private static AnalysisBudget NewBudget() => new(MaxOperationsPerMethod);

    private bool TryCreateGraph(IMethodSymbol method, CancellationToken cancellation, out ControlFlowGraph? cfg)
    {
        cfg = null;
        method = method.PartialImplementationPart ?? method;
        if (!HasBody(method))
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellation);
        var model = _models.GetOrAdd(syntax.SyntaxTree, tree =>
#pragma warning disable RS1030 // Summaries need the bodies of callees in other trees; one model per tree, cached.
            _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030

        cfg = model.GetOperation(syntax, cancellation) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellation),
            IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellation),
            _ => null,
        };
        return cfg is not null;
    }

    private static ImmutableArray<SinkHit> OnlyRealSources(ImmutableArray<SinkHit> hits)
    {
        var builder = ImmutableArray.CreateBuilder<SinkHit>(hits.Length);
        foreach (var hit in hits)
        {
            var real = TaintValue.Clean;
            foreach (var flow in hit.Taint.Flows)
            {
                if (!flow.Origin.IsParameter)
                {
                    real = real.Union(TaintValue.From(flow));
                }
            }

            if (real.IsTainted)
            {
                builder.Add(hit.WithTaint(real));
            }
        }

        return builder.ToImmutable();
    }
}
