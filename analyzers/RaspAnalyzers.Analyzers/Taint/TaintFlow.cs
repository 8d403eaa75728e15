using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// One path of untrusted data: the origin and the places it passed through on its way (assignments, calls).
/// The steps become a diagnostic's additional locations so that a SARIF viewer can show the path.
/// </summary>
internal sealed class TaintFlow
{
    /// <summary>Longer paths keep their first steps; the source and the sink matter most to a reader.</summary>
    public const int MaxSteps = 12;

    public TaintFlow(TaintOrigin origin, ImmutableArray<Location> steps)
    {
        Origin = origin;
        Steps = steps;
    }

    public TaintOrigin Origin { get; }

    public ImmutableArray<Location> Steps { get; }

    public TaintFlow WithStep(Location step)
    {
        if (Steps.Length >= MaxSteps || (Steps.Length > 0 && Steps[Steps.Length - 1] == step))
        {
            return this;
        }

        return new TaintFlow(Origin, Steps.Add(step));
    }

    /// <summary>Appends the steps of <paramref name="tail"/>, which continues this flow inside a callee.</summary>
    public TaintFlow Continue(TaintFlow tail)
    {
        var flow = this;
        foreach (var step in tail.Steps)
        {
            flow = flow.WithStep(step);
        }

        return flow;
    }
}
