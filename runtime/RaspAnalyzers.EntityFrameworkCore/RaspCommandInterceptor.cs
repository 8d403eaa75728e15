using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.EntityFrameworkCore;

/// <summary>
/// Checks every command EF Core sends with the SQL guard. Statements EF Core generates carry request data as
/// parameters and pass; raw SQL built by concatenation (<c>FromSqlRaw</c>, <c>ExecuteSqlRaw</c>) is where it finds
/// attacks.
/// </summary>
public sealed class RaspCommandInterceptor : DbCommandInterceptor
{
    private const string Sink = "ef-core";

    private readonly RaspGuard _guard;

    /// <summary>Creates the interceptor.</summary>
    /// <param name="guard">The guard.</param>
    public RaspCommandInterceptor(RaspGuard guard)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
    }

    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _guard.Check(command, Sink);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        _guard.Check(command, Sink);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _guard.Check(command, Sink);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _guard.Check(command, Sink);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result)
    {
        _guard.Check(command, Sink);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _guard.Check(command, Sink);
        return ValueTask.FromResult(result);
    }
}
