using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RaspAnalyzers.EntityFrameworkCore;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>
/// A small clinic API on a real SQLite database behind UseRasp, with the sinks written the careless way the guards
/// exist for: concatenated SQL over ADO.NET and EF Core, a file read from a route value, an outbound fetch.
/// </summary>
public sealed class GuardedClinicApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteConnection _keeper;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    private GuardedClinicApp(WebApplication app, SqliteConnection keeper, string documentRoot, RecordingDecisionSink sink)
    {
        _app = app;
        Sink = sink;
        _keeper = keeper;
        DocumentRoot = documentRoot;
        Client = app.GetTestClient();
        IMeterFactory factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RaspMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _listener.Start();
    }

    public HttpClient Client { get; }

    public RecordingDecisionSink Sink { get; }

    public string DocumentRoot { get; }

    public static async Task<GuardedClinicApp> StartAsync(
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        string documentRoot = Path.Combine(Path.GetTempPath(), "rasp-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(documentRoot);
        File.WriteAllText(Path.Combine(documentRoot, "visit.txt"), "visit note");

        var keeper = new SqliteConnection($"Data Source=clinic-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        keeper.Open();
        using (SqliteCommand create = keeper.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE patients (id INTEGER PRIMARY KEY, family TEXT NOT NULL, given TEXT NOT NULL);" +
                "CREATE TABLE notes (patient TEXT NOT NULL, body TEXT NOT NULL);" +
                "INSERT INTO patients (family, given) VALUES ('Smith', 'Anna'), ('O''Brien', 'Sean'), ('Nguyen', 'Lan');";
            create.ExecuteNonQuery();
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRasp();
        var sink = new RecordingDecisionSink();
        builder.Services.AddSingleton<IGuardDecisionSink>(sink);
        builder.Services.AddDbContext<ClinicDb>((sp, options) => options.UseSqlite(keeper.ConnectionString).UseRaspGuards(sp));
        builder.Services.AddHttpClient("outbound").AddRaspGuard();
        services?.Invoke(builder.Services);

        WebApplication app = builder.Build();
        MapEndpoints(app, keeper.ConnectionString, documentRoot);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await keeper.DisposeAsync();
            Directory.Delete(documentRoot, recursive: true);
            throw;
        }

        return new GuardedClinicApp(app, keeper, documentRoot, sink);
    }

    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Measurements(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();
        }
    }

    public async Task<long> CountPatientsAsync()
    {
        using SqliteCommand count = _keeper.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM patients";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        Client.Dispose();
        await _app.DisposeAsync();
        await _keeper.DisposeAsync();
        Directory.Delete(DocumentRoot, recursive: true);
    }

    private void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    private static void MapEndpoints(WebApplication app, string connectionString, string documentRoot)
    {
        app.UseRasp();

        app.MapGet("/patients", async (string family, RaspGuard guard) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT given FROM patients WHERE family = '" + family + "' ORDER BY given";
            return string.Join(",", await ReadAllAsync(await command.ExecuteGuardedReaderAsync(guard)));
        });

        app.MapGet("/patients/by-parameter", async (string family, RaspGuard guard) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT given FROM patients WHERE family = $family";
            command.Parameters.AddWithValue("$family", family);
            return string.Join(",", await ReadAllAsync(await command.ExecuteGuardedReaderAsync(guard)));
        });

        app.MapGet("/ef/patients", async (string family, ClinicDb db) =>
        {
            // The concatenation is the vulnerability under test.
#pragma warning disable EF1003
            List<string> given = await db.Patients
                .FromSqlRaw("SELECT * FROM patients WHERE family = '" + family + "'")
                .OrderBy(p => p.Given)
                .Select(p => p.Given)
                .ToListAsync();
#pragma warning restore EF1003
            return string.Join(",", given);
        });

        app.MapPost("/notes", async (HttpRequest request, RaspGuard guard) =>
        {
            // The app reads the body itself after the middleware did, to show nothing was taken from it.
            string body = await new StreamReader(request.Body).ReadToEndAsync();
            using JsonDocument json = JsonDocument.Parse(body);
            string patient = json.RootElement.GetProperty("patient").GetString()!;
            string text = json.RootElement.GetProperty("text").GetString()!;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "INSERT INTO notes (patient, body) VALUES ('" + patient + "', '" + text + "')";
            await command.ExecuteGuardedNonQueryAsync(guard);
            return body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        app.MapPost("/search", async (HttpRequest request, RaspGuard guard) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT given FROM patients WHERE family = '" + form["family"] + "'";
            return string.Join(",", await ReadAllAsync(await command.ExecuteGuardedReaderAsync(guard)));
        });

        app.MapGet("/documents/{name}", (string name, GuardedFileAccess files) =>
            files.ReadAllTextAsync(Path.Combine(documentRoot, name)));

        app.MapGet("/fetch", (string url, IHttpClientFactory clients) => clients.CreateClient("outbound").GetStringAsync(url));

        // The port comes in a header, which is not captured by default, so the URL holds no untrusted value.
        app.MapGet("/fetch-fixed", (HttpRequest request, IHttpClientFactory clients) =>
            clients.CreateClient("outbound").GetStringAsync($"http://127.0.0.1:{request.Headers["X-Test-Port"]}/status"));
    }

    private static async Task<List<string>> ReadAllAsync(System.Data.Common.DbDataReader reader)
    {
        var result = new List<string>();
        await using (reader)
        {
            while (await reader.ReadAsync())
            {
                result.Add(reader.GetString(0));
            }
        }

        return result;
    }
}
