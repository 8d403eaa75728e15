using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>Keeps every decision it is handed, for assertions.</summary>
public sealed class RecordingDecisionSink : IGuardDecisionSink
{
    private readonly ConcurrentQueue<GuardDecision> _decisions = new();

    public IReadOnlyList<GuardDecision> Decisions => _decisions.ToList();

    public void Record(in GuardDecision decision) => _decisions.Enqueue(decision);
}
