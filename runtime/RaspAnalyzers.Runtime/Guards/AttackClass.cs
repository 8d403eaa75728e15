namespace RaspAnalyzers.Guards;

/// <summary>The kinds of attack the run-time guards detect, one per sink family.</summary>
public enum AttackClass
{
    /// <summary>SQL injection (CWE-89).</summary>
    Sql,

    /// <summary>File path traversal (CWE-22).</summary>
    Path,

    /// <summary>OS command injection (CWE-78).</summary>
    Command,

    /// <summary>Server-side request forgery (CWE-918).</summary>
    Ssrf,
}
