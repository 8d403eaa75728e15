using System;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace EhrPortal.Data;

/// <summary>
/// The SQLite database of the portal, named by the connection string "EhrPortal" (appsettings.json points at
/// ehrportal.db in the working directory, which dotnet run sets to the project folder).
/// </summary>
public sealed class PortalDatabase(IConfiguration configuration)
{
    public const string ConnectionStringName = "EhrPortal";

    // Read when first needed rather than at start-up, so a host that overrides the setting (a test) is honoured.
    public string ConnectionString =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"The connection string '{ConnectionStringName}' is not configured.");

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
