using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Tainted data reaching a sink. <see cref="ReportLocation"/> is where it is reported: the dangerous argument
/// itself, or, when the sink sits in a callee, the argument of the call that carries the data there.
/// </summary>
internal sealed class SinkHit
{
    public SinkHit(SinkMatch sink, Location reportLocation, Location sinkLocation, TaintValue taint, string? via)
    {
        Sink = sink;
        ReportLocation = reportLocation;
        SinkLocation = sinkLocation;
        Taint = taint;
        Via = via;
    }

    public SinkMatch Sink { get; }

    public Location ReportLocation { get; }

    /// <summary>The argument of the sink itself; equal to <see cref="ReportLocation"/> unless reached by a call.</summary>
    public Location SinkLocation { get; }

    public TaintValue Taint { get; }

    /// <summary>The first callee on the way to the sink, such as "PatientRepository.FindByName", if any.</summary>
    public string? Via { get; }

    public SinkHit WithTaint(TaintValue taint) => new(Sink, ReportLocation, SinkLocation, taint, Via);
}
