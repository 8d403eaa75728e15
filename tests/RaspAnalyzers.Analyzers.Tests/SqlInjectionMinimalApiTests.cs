using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Minimal-API handlers: lambdas and method groups passed to Map*.</summary>
public class SqlInjectionMinimalApiTests
{
    [Fact]
    public async Task Lambda_query_parameter_into_Dapper_Query()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class PatientEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/patients", (string {|#1:name|}, SqliteConnection db) =>
                        db.Query<string>({|#0:$"SELECT Name FROM Patients WHERE Name LIKE '%{name}%'"|}));
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqlMapper.Query").At(1));
    }

    [Fact]
    public async Task Lambda_route_parameter_named_by_the_pattern()
    {
        const string source = """
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class PatientEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/patients/{mrn}", async (string {|#1:mrn|}, SqliteConnection db) =>
                    {
                        var {|#2:sql|} = "SELECT Name FROM Patients WHERE Mrn = '" + mrn + "'";
                        return await db.QueryFirstOrDefaultAsync<string>({|#0:sql|});
                    });
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("route parameter 'mrn'", "SqlMapper.QueryFirstOrDefaultAsync").At(2));
    }

    [Fact]
    public async Task Lambda_in_top_level_statements_with_a_body_model()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Data.Sqlite;

            var app = WebApplication.Create(args);
            app.MapPost("/allergies", (AllergyInput {|#1:input|}, SqliteConnection db) =>
                db.Execute({|#0:"INSERT INTO Allergies (Mrn, Substance) VALUES ('" + input.Mrn + "', '" + input.Substance + "')"|}));
            app.Run();

            public record AllergyInput(string Mrn, string Substance);
            """;

        var test = new AnalyzerVerifier<Taint.InjectionAnalyzer>.Test();
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(source);
        test.ExpectedDiagnostics.Add(Rasp1001.Expect("request body parameter 'input'", "SqlMapper.Execute").At(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task Method_group_handler_is_analyzed_with_request_parameters()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class AppointmentEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/appointments/{clinic}", ListAppointments);
                }

                private static int ListAppointments(string {|#1:clinic|}, SqliteConnection db) =>
                    db.ExecuteScalar<int>({|#0:"SELECT COUNT(*) FROM Appointments WHERE Clinic = '" + clinic + "'"|});
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("route parameter 'clinic'", "SqlMapper.ExecuteScalar").At(1));
    }

    [Fact]
    public async Task Route_group_and_FromQuery_attribute()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class LabEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    var labs = app.MapGroup("/labs");
                    labs.MapGet("/", ([FromQuery(Name = "code")] string {|#1:loinc|}, SqliteConnection db) =>
                        db.QueryMultiple({|#0:"SELECT * FROM Results WHERE Loinc = '" + loinc + "'"|}));
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'loinc'", "SqlMapper.QueryMultiple").At(1));
    }

    [Fact]
    public async Task HttpRequest_parameter_of_a_handler()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class DeviceEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/devices", (HttpRequest request, SqliteConnection db) =>
                        db.Query<string>({|#0:"SELECT * FROM Devices WHERE Serial = '" + {|#1:request.Query["serial"]|} + "'"|}));
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query string value 'serial'", "SqlMapper.Query").At(1));
    }

    [Fact]
    public async Task Method_group_handler_reading_the_request_itself_is_reported_once()
    {
        const string source = """
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Data.Sqlite;

            public static class LookupEndpoints
            {
                public static void Map(IEndpointRouteBuilder app) => app.MapGet("/lookup", Lookup);

                private static int Lookup(HttpRequest request, SqliteConnection db) =>
                    db.ExecuteScalar<int>({|#0:"SELECT COUNT(*) FROM Patients WHERE Mrn = '" + {|#1:request.Query["mrn"]|} + "'"|});
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query string value 'mrn'", "SqlMapper.ExecuteScalar").At(1));
    }
}
