using BenchmarkDotNet.Running;

namespace RaspAnalyzers.Audit.Benchmarks;

/// <summary>Runs the audit trail benchmarks; pass BenchmarkDotNet arguments such as --job short.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
