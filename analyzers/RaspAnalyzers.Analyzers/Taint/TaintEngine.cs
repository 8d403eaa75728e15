using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private readonly ConcurrentDictionary<ISymbol, TaintValue> _memberTaints = new(SymbolEqualityComparer.Default);
    private readonly MemberWriters _writers;

    private TaintEngine(Compilation compilation, RemoteSources sources, SourceCatalog catalog, SinkCatalog sinks)
    {
        _compilation = compilation;
        Sources = sources;
        Catalog = catalog;
        Sinks = sinks;
        EntryPoints = new RequestEntryPoints(compilation, sources);
        Sanitizing = new SanitizingTypes(compilation);
        Implementations = new Implementations(compilation);
        _writers = new MemberWriters(compilation, GetModel);
        Conditions = new ConstantConditions(_writers);
    }

    public RemoteSources Sources { get; }

    /// <summary>The member sources of the chosen threat models.</summary>
    public SourceCatalog Catalog { get; }

    /// <summary>Whether request data counts: the <c>remote</c> threat model is chosen and ASP.NET Core is present.</summary>
    public bool IsRemote => (Catalog.Models & ThreatModels.Remote) != 0 && Sources.IsPresent;

    public RequestEntryPoints EntryPoints { get; }

    public SinkCatalog Sinks { get; }

    public SanitizingTypes Sanitizing { get; }

    public Implementations Implementations { get; }

    public ConstantConditions Conditions { get; }

    /// <summary>The engine, or null when the compilation has no source or no sink, so nothing can be found.</summary>
    public static TaintEngine? Create(
        Compilation compilation, ImmutableArray<TaintRule> rules, ThreatModels models, CancellationToken cancellation)
    {
        var sources = RemoteSources.Create(compilation);
        var catalog = new SourceCatalog(compilation, models);
        if (catalog.IsEmpty && !sources.IsPresent)
        {
            return null;
        }

        var sinks = SinkCatalog.Create(compilation, rules);
        return sinks.IsEmpty || !sinks.MayOccurIn(compilation, cancellation)
            ? null
            : new TaintEngine(compilation, sources, catalog, sinks);
    }

    /// <summary>
    /// Analyzes one method body for diagnostics: its parameters are sources when ASP.NET Core binds them from the
    /// request. Returns the sinks reached by real sources.
    /// </summary>
    public ImmutableArray<SinkHit> AnalyzeEntry(IMethodSymbol method, ControlFlowGraph cfg, CancellationToken cancellation)
    {
        var state = new TaintState();
        var origins = IsRemote ? EntryPoints.ForControllerMethod(method) : default;
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

        // Under the local threat model the program's own arguments are input too.
        if ((Catalog.Models & ThreatModels.Local) != 0 && IsEntryPoint(method) && method.Parameters.Length == 1)
        {
            var args = method.Parameters[0];
            var location = args.Locations.Length > 0 ? args.Locations[0] : method.Locations[0];
            state.Set(args, TaintValue.FromOrigin(TaintOrigin.Source("command-line argument '" + args.Name + "'", location)));
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
        var parameterOrigins = new HashSet<TaintOrigin>();
        for (var i = 0; i < origins.Length; i++)
        {
            if (origins[i] is { } origin)
            {
                state.Set(handler.Parameters[i], TaintValue.FromOrigin(origin));
                parameterOrigins.Add(origin);
            }
        }

        // Sources the handler reads itself (request.Query) are reported by the handler's own analysis; here only
        // what its bound parameters bring, or each such flow would be reported twice.
        var analysis = new FlowAnalysis(
            this, cfg!, state, ImmutableHashSet<IMethodSymbol>.Empty, isEntry: true, NewBudget(), cancellation);
        return Keep(analysis.Run().Hits, flow => parameterOrigins.Contains(flow.Origin));
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
        var parameterSinks = Keep(result.Hits, flow => flow.Origin.IsParameter);
        return _summaries.GetOrAdd(method, new MethodSummary(result.Returned, parameterSinks, result.MemberWrites));
    }

    /// <summary>Whether the method has a body in this compilation that a summary can be computed from.</summary>
    public bool HasBody(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        return method.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension or MethodKind.Constructor
            && _compilation.ContainsSyntaxTree(method.DeclaringSyntaxReferences[0].SyntaxTree);
    }

    /// <summary>The source description of a property bound from the request, cached per property.</summary>
    public string? DescribeBoundProperty(IPropertySymbol property) =>
        _boundProperties.GetOrAdd(property.OriginalDefinition, p => Sources.DescribeBoundProperty(p));

    /// <summary>
    /// The request data that any method of the compilation stores into a field or property: a real source it
    /// reads itself, or a parameter of an action it is. Made once per member from its writers' summaries.
    /// </summary>
    public TaintValue GetMemberTaint(ISymbol member, CancellationToken cancellation)
    {
        member = member.OriginalDefinition;
        if (_memberTaints.TryGetValue(member, out var cached))
        {
            return cached;
        }

        var taint = TaintValue.Clean;
        foreach (var writer in _writers.Of(member, cancellation))
        {
            if (!HasBody(writer)
                || !GetSummary(writer, ImmutableHashSet<IMethodSymbol>.Empty, cancellation)
                    .MemberWrites.TryGetValue(member, out var written))
            {
                continue;
            }

            var entry = EntryPoints.ForControllerMethod(writer);
            foreach (var flow in written.Flows)
            {
                if (!flow.Origin.IsParameter)
                {
                    taint = taint.Union(TaintValue.From(flow));
                }
                else if (!entry.IsDefault && flow.Origin.ParameterOrdinal >= 0 && entry[flow.Origin.ParameterOrdinal] is { } origin)
                {
                    taint = taint.Union(TaintValue.From(new TaintFlow(origin, flow.Steps)));
                }
            }
        }

        return _memberTaints.GetOrAdd(member, taint);
    }

    private bool IsEntryPoint(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method, _compilation.GetEntryPoint(CancellationToken.None));

    /// <summary>A field or property declared in this compilation, whose writers can be found.</summary>
    public static bool IsSourceMember(ISymbol member) =>
        member is IFieldSymbol { IsConst: false } or IPropertySymbol
        && member.Locations.Length > 0 && member.Locations[0].IsInSource;

    private SemanticModel GetModel(SyntaxTree tree) =>
        _models.GetOrAdd(tree, t =>
#pragma warning disable RS1030 // Summaries need the bodies of callees in other trees; one model per tree, cached.
            _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

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
        cfg = GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellation) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellation),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellation),
            IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellation),
            _ => null,
        };
        return cfg is not null;
    }

    private static ImmutableArray<SinkHit> OnlyRealSources(ImmutableArray<SinkHit> hits) =>
        Keep(hits, flow => !flow.Origin.IsParameter);

    /// <summary>Each hit with only the flows <paramref name="wanted"/> accepts; hits left with none are dropped.</summary>
    private static ImmutableArray<SinkHit> Keep(ImmutableArray<SinkHit> hits, Func<TaintFlow, bool> wanted)
    {
        var builder = ImmutableArray.CreateBuilder<SinkHit>(hits.Length);
        foreach (var hit in hits)
        {
            var kept = TaintValue.Clean;
            foreach (var flow in hit.Taint.Flows)
            {
                if (wanted(flow))
                {
                    kept = kept.Union(TaintValue.From(flow));
                }
            }

            if (kept.IsTainted)
            {
                builder.Add(hit.WithTaint(kept));
            }
        }

        return builder.ToImmutable();
    }
}
