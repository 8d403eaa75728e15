using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards;

/// <summary>Guarded execution of ADO.NET commands: the statement is checked, then executed unchanged.</summary>
public static class DbCommandGuardExtensions
{
    /// <summary>Checks <paramref name="command"/>'s statement in its connection's dialect.</summary>
    /// <param name="guard">The guard.</param>
    /// <param name="command">The command about to run.</param>
    /// <param name="sink">The sink's name for metrics and decisions.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public static void Check(this RaspGuard guard, DbCommand command, string sink = "ado.net")
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(command);
        SqlDialect dialect = SqlDialects.FromConnection(command.Connection, guard.Options.Sql.DefaultDialect);
        guard.CheckSql(command.CommandText ?? string.Empty, dialect, sink);
    }

    /// <summary>Checks, then executes <paramref name="command"/> as a reader.</summary>
    /// <param name="command">The command.</param>
    /// <param name="guard">The guard.</param>
    /// <param name="cancellationToken">Cancels execution.</param>
    /// <returns>The reader.</returns>
    public static Task<DbDataReader> ExecuteGuardedReaderAsync(
        this DbCommand command,
        RaspGuard guard,
        CancellationToken cancellationToken = default)
    {
        Check(guard, command);
        return command.ExecuteReaderAsync(cancellationToken);
    }

    /// <summary>Checks, then executes <paramref name="command"/> for its affected-row count.</summary>
    /// <param name="command">The command.</param>
    /// <param name="guard">The guard.</param>
    /// <param name="cancellationToken">Cancels execution.</param>
    /// <returns>The number of rows affected.</returns>
    public static Task<int> ExecuteGuardedNonQueryAsync(
        this DbCommand command,
        RaspGuard guard,
        CancellationToken cancellationToken = default)
    {
        Check(guard, command);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Checks, then executes <paramref name="command"/> for its first value.</summary>
    /// <param name="command">The command.</param>
    /// <param name="guard">The guard.</param>
    /// <param name="cancellationToken">Cancels execution.</param>
    /// <returns>The first column of the first row, or null.</returns>
    public static Task<object?> ExecuteGuardedScalarAsync(
        this DbCommand command,
        RaspGuard guard,
        CancellationToken cancellationToken = default)
    {
        Check(guard, command);
        return command.ExecuteScalarAsync(cancellationToken);
    }
}
