namespace RaspAnalyzers.Guards;

/// <summary>
/// Settings of the run-time guards, bound from the <c>Rasp</c> configuration section and validated at start-up.
/// </summary>
public sealed class RaspOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Rasp";

    /// <summary>SQL injection guard settings.</summary>
    public SqlGuardOptions Sql { get; set; } = new();

    /// <summary>Path traversal guard settings.</summary>
    public PathGuardOptions Path { get; set; } = new();

    /// <summary>Command injection guard settings.</summary>
    public CommandGuardOptions Command { get; set; } = new();

    /// <summary>Server-side request forgery guard settings.</summary>
    public SsrfGuardOptions Ssrf { get; set; } = new();

    /// <summary>Which request parts count as untrusted, and the bounds on what is kept of them.</summary>
    public RequestCaptureOptions Capture { get; set; } = new();

    /// <summary>What happens when a guard itself fails. Default: <see cref="GuardFailureMode.FailOpen"/>.</summary>
    public GuardFailureMode FailureMode { get; set; } = GuardFailureMode.FailOpen;

    /// <summary>The mode of the guard for <paramref name="attackClass"/>.</summary>
    /// <param name="attackClass">An attack class.</param>
    /// <returns>Its configured mode.</returns>
    public GuardMode ModeOf(AttackClass attackClass) => attackClass switch
    {
        AttackClass.Sql => Sql.Mode,
        AttackClass.Path => Path.Mode,
        AttackClass.Command => Command.Mode,
        _ => Ssrf.Mode,
    };
}
