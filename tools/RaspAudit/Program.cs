using System;

namespace RaspAnalyzers.Tools.RaspAudit;

/// <summary>The entry point of the raspaudit tool.</summary>
public static class Program
{
    /// <summary>Runs raspaudit with the process's arguments.</summary>
    public static int Main(string[] args) => RaspAuditCommand.Run(args, Console.Out, Console.Error);
}
