namespace RaspAnalyzers.Guards;

/// <summary>Settings of the command injection guard (<c>Rasp:Command</c>).</summary>
public sealed class CommandGuardOptions
{
    /// <summary>Off, Monitor or Block. Default: Monitor.</summary>
    public GuardMode Mode { get; set; } = GuardMode.Monitor;
}
