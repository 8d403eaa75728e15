using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// The EhrPortal sample hosted in memory on a real SQLite file of its own, which the portal creates and seeds on
/// start-up exactly as it does on a first run.
/// </summary>
public sealed class EhrPortalHost : WebApplicationFactory<Program>
{
    private readonly ScratchDirectory _scratch = new("portal");

    public string DatabasePath => _scratch.Combine("ehrportal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:EhrPortal", "Data Source=" + DatabasePath);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled connections keep the file open; release them before the folder is deleted.
            SqliteConnection.ClearAllPools();
            _scratch.Dispose();
        }
    }
}
