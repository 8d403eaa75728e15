using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.Benchmarks;

/// <summary>
/// One request through a real ASP.NET Core pipeline (TestServer), with the guards on (UseRasp, a guarded command,
/// Block mode) against the same app without them, in the same run: a request that reads a patient from SQLite, and
/// a request to an endpoint that does nothing, which shows the middleware's own cost with nothing to hide it.
/// More iterations than the short job, because a request is far noisier than a detector call.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks
{
    private const string Query = "/patients?family=O%27Brien&ward=cardiology&from=2024-05-01";
    private const string EmptyQuery = "/empty?family=O%27Brien&ward=cardiology&from=2024-05-01";

    private SqliteConnection _keeper = null!;
    private WebApplication _guarded = null!;
    private WebApplication _unguarded = null!;
    private HttpClient _guardedClient = null!;
    private HttpClient _unguardedClient = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _keeper = new SqliteConnection("Data Source=bench-clinic;Mode=Memory;Cache=Shared");
        _keeper.Open();
        using (SqliteCommand create = _keeper.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE patients (id INTEGER PRIMARY KEY, family TEXT NOT NULL, given TEXT NOT NULL, ward TEXT NOT NULL);" +
                "INSERT INTO patients (family, given, ward) VALUES ('Smith','Anna','oncology'), ('O''Brien','Sean','cardiology');";
            create.ExecuteNonQuery();
        }

        _guarded = await StartAsync(guarded: true);
        _unguarded = await StartAsync(guarded: false);
        _guardedClient = _guarded.GetTestClient();
        _unguardedClient = _unguarded.GetTestClient();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _guardedClient.Dispose();
        _unguardedClient.Dispose();
        await _guarded.DisposeAsync();
        await _unguarded.DisposeAsync();
        await _keeper.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "SQLite read, guards off")]
    [BenchmarkCategory("sqlite")]
    public Task<string> GuardsOff() => _unguardedClient.GetStringAsync(Query);

    [Benchmark(Description = "SQLite read, guards on (Block)")]
    [BenchmarkCategory("sqlite")]
    public Task<string> GuardsOn() => _guardedClient.GetStringAsync(Query);

    [Benchmark(Baseline = true, Description = "empty endpoint, guards off")]
    [BenchmarkCategory("empty")]
    public Task<string> EmptyGuardsOff() => _unguardedClient.GetStringAsync(EmptyQuery);

    [Benchmark(Description = "empty endpoint, guards on (Block)")]
    [BenchmarkCategory("empty")]
    public Task<string> EmptyGuardsOn() => _guardedClient.GetStringAsync(EmptyQuery);

    private async Task<WebApplication> StartAsync(bool guarded)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (guarded)
        {
            builder.Services.AddRasp(options => options.Sql.Mode = GuardMode.Block);
        }

        WebApplication app = builder.Build();
        if (guarded)
        {
            app.UseRasp();
        }

        string connectionString = _keeper.ConnectionString;
        app.MapGet("/patients", async (string family, string ward, IServiceProvider services) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT given FROM patients WHERE family = $family AND ward = $ward";
            command.Parameters.AddWithValue("$family", family);
            command.Parameters.AddWithValue("$ward", ward);
            RaspGuard? guard = services.GetService<RaspGuard>();
            object? given = guard is null ? await command.ExecuteScalarAsync() : await command.ExecuteGuardedScalarAsync(guard);
            return (string?)given ?? string.Empty;
        });

        app.MapGet("/empty", () => "ok");

        await app.StartAsync();
        return app;
    }
}
