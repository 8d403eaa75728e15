using System;
using System.Data.Common;

namespace RaspAnalyzers.Guards;

/// <summary>Infers a connection's SQL dialect from its provider type, without referencing any provider.</summary>
public static class SqlDialects
{
    /// <summary>The dialect of <paramref name="connection"/>, or <paramref name="fallback"/> for an unknown provider.</summary>
    /// <param name="connection">A connection, or null.</param>
    /// <param name="fallback">The dialect when the provider is not recognised.</param>
    /// <returns>The dialect.</returns>
    public static SqlDialect FromConnection(DbConnection? connection, SqlDialect fallback)
    {
        string? name = connection?.GetType().FullName;
        if (name is null)
        {
            return fallback;
        }

        if (name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.Sqlite;
        }

        if (name.Contains("Npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.PostgreSql;
        }

        if (name.Contains("MySql", StringComparison.OrdinalIgnoreCase) || name.Contains("MariaDb", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.MySql;
        }

        return name.Contains("SqlClient", StringComparison.OrdinalIgnoreCase) ? SqlDialect.SqlServer : fallback;
    }
}
