namespace RaspAnalyzers.Guards;

/// <summary>Settings of the SQL injection guard (<c>Rasp:Sql</c>).</summary>
public sealed class SqlGuardOptions
{
    /// <summary>Off, Monitor or Block. Default: Monitor, so that a first deployment reports before it stops anything.</summary>
    public GuardMode Mode { get; set; } = GuardMode.Monitor;

    /// <summary>The dialect used when the connection does not tell. Default: SQL Server.</summary>
    public SqlDialect DefaultDialect { get; set; } = SqlDialect.SqlServer;
}
