using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// A forward data-flow analysis of one control flow graph: the taint of each local, parameter and flow capture,
/// joined where control flow meets, until nothing changes. Along the way it records every sink that tainted data
/// reaches and the taint of the returned value. Calls into the compilation go through method summaries; local
/// functions and lambdas are analyzed in place, with the state they capture.
/// </summary>
internal sealed partial class FlowAnalysis
{
    private readonly TaintEngine _engine;
    private readonly ControlFlowGraph _cfg;
    private readonly TaintState _initial;
    private readonly ImmutableHashSet<IMethodSymbol> _callers;
    private readonly bool _isEntry;
    private readonly AnalysisBudget _budget;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<(Location, TaintRule), SinkHit> _hits = new();
    private readonly TaintState _everySeen = new();
    private readonly Dictionary<ISymbol, TaintValue> _memberWrites = new(SymbolEqualityComparer.Default);
    private TaintValue _returned;

    public FlowAnalysis(
        TaintEngine engine,
        ControlFlowGraph cfg,
        TaintState initial,
        ImmutableHashSet<IMethodSymbol> callers,
        bool isEntry,
        AnalysisBudget budget,
        CancellationToken cancellation)
    {
        _engine = engine;
        _cfg = cfg;
        _initial = initial;
        _callers = callers;
        _isEntry = isEntry;
        _budget = budget;
        _cancellation = cancellation;
    }

    public FlowResult Run()
    {
        var blocks = _cfg.Blocks;
        var entryStates = new TaintState?[blocks.Length];
        var queued = new bool[blocks.Length];
        var worklist = new Queue<int>();
        entryStates[0] = _initial.Clone();
        worklist.Enqueue(0);
        queued[0] = true;

        // Loops converge fast because taint only grows and is capped; the bound guards against the unforeseen.
        var visitsLeft = (blocks.Length * 12) + 16;
        while (worklist.Count > 0 && visitsLeft-- > 0 && !_budget.IsExhausted)
        {
            _cancellation.ThrowIfCancellationRequested();
            var ordinal = worklist.Dequeue();
            queued[ordinal] = false;

            var state = entryStates[ordinal]!.Clone();
            Transfer(blocks[ordinal], state);
            _everySeen.JoinWith(state);
            var block = blocks[ordinal];
            var taken = block.ConditionalSuccessor is null ? null : _engine.Conditions.Evaluate(block.BranchValue, _cancellation);
            if (taken != (block.ConditionKind == ControlFlowConditionKind.WhenTrue))
            {
                Flow(block.FallThroughSuccessor, state, entryStates, worklist, queued);
            }

            if (taken != (block.ConditionKind == ControlFlowConditionKind.WhenFalse))
            {
                Flow(block.ConditionalSuccessor, state, entryStates, worklist, queued);
            }

            if (worklist.Count == 0)
            {
                EnterExceptionHandlers(blocks, _everySeen, entryStates, worklist, queued);
            }
        }

        return new FlowResult(
            _returned,
            ImmutableArray.CreateRange(_hits.Values),
            _memberWrites.ToImmutableDictionary(SymbolEqualityComparer.Default));
    }

    private void Transfer(BasicBlock block, TaintState state)
    {
        foreach (var operation in block.Operations)
        {
            Evaluate(operation, state);
        }

        if (block.BranchValue is { } branchValue)
        {
            var value = Evaluate(branchValue, state);
            if (block.ConditionalSuccessor is null && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                _returned = _returned.Union(value);
            }
        }
    }

    private static void Flow(
        ControlFlowBranch? branch, TaintState state, TaintState?[] entryStates, Queue<int> worklist, bool[] queued)
    {
        // The compiler marks code behind a constant condition unreachable; nothing flows there.
        if (branch?.Destination is not { IsReachable: true } destination)
        {
            return;
        }

        var ordinal = destination.Ordinal;
        var changed = false;
        if (entryStates[ordinal] is { } existing)
        {
            changed = existing.JoinWith(state);
        }
        else
        {
            entryStates[ordinal] = state.Clone();
            changed = true;
        }

        if (changed && !queued[ordinal])
        {
            worklist.Enqueue(ordinal);
            queued[ordinal] = true;
        }
    }

    /// <summary>
    /// Catch and finally blocks have no ordinary predecessor: an exception can arrive from anywhere in the try.
    /// They start from the join of every state seen, which is what any point of the try could have held.
    /// </summary>
    private static void EnterExceptionHandlers(
        ImmutableArray<BasicBlock> blocks, TaintState everySeen, TaintState?[] entryStates, Queue<int> worklist, bool[] queued)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            if (queued[i] || !blocks[i].IsReachable || !StartsHandler(blocks[i]))
            {
                continue;
            }

            var changed = false;
            if (entryStates[i] is { } existing)
            {
                changed = existing.JoinWith(everySeen);
            }
            else
            {
                entryStates[i] = everySeen.Clone();
                changed = true;
            }

            if (changed)
            {
                worklist.Enqueue(i);
                queued[i] = true;
            }
        }
    }

    private static bool StartsHandler(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal;
             region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter
                or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
            {
                return true;
            }
        }

        return false;
    }

    private void AddHit(SinkMatch sink, Location report, Location sinkLocation, TaintValue taint, string? via)
    {
        var key = (report, sink.Rule);
        _hits[key] = _hits.TryGetValue(key, out var existing)
            ? existing.WithTaint(existing.Taint.Union(taint))
            : new SinkHit(sink, report, sinkLocation, taint, via);
    }

    private void Merge(FlowResult nested)
    {
        foreach (var hit in nested.Hits)
        {
            AddHit(hit.Sink, hit.ReportLocation, hit.SinkLocation, hit.Taint, hit.Via);
        }

        foreach (var write in nested.MemberWrites)
        {
            RecordMemberWrite(write.Key, write.Value);
        }
    }

    private void RecordMemberWrite(ISymbol member, TaintValue value)
    {
        if (value.IsTainted)
        {
            _memberWrites[member] = _memberWrites.TryGetValue(member, out var existing) ? existing.Union(value) : value;
        }
    }

    /// <summary>
    /// A field or property read in a method analyzed for diagnostics carries whatever request data any method
    /// of the compilation stores into it. Summaries leave it out, so each such flow is reported once, where read.
    /// </summary>
    private TaintValue MemberTaint(ISymbol member, Location read) =>
        _isEntry && _callers.IsEmpty && TaintEngine.IsSourceMember(member)
            ? _engine.GetMemberTaint(member, _cancellation).WithStep(read)
            : TaintValue.Clean;

    private FlowAnalysis Nested(ControlFlowGraph cfg, TaintState initial, ImmutableHashSet<IMethodSymbol> callers) =>
        new(_engine, cfg, initial, callers, _isEntry, _budget, _cancellation);
}
