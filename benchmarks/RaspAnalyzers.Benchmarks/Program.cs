using BenchmarkDotNet.Running;

namespace RaspAnalyzers.Benchmarks;

/// <summary>Runs the benchmarks named on the command line; see docs/benchmarks.md for the command used.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
