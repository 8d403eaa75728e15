using System.Threading.Tasks;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Code that must not be reported: parameters, safe APIs, sanitizing types, values that are not request data.</summary>
public class SqlInjectionSafeCodeTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        public class Patient { public int Id { get; set; } public string Name { get; set; } = ""; }

        public class EhrContext : DbContext
        {
            public DbSet<Patient> Patients => Set<Patient>();
        }

        public enum Ward { Cardiology, Oncology }

        """;

    private static Task NoDiagnosticAsync(string body) => Verify.VerifyAsync(Usings + body);

    private static Task NoDiagnosticInActionAsync(string parameters, string statements) => NoDiagnosticAsync($$"""
        public class PatientsController : ControllerBase
        {
            private readonly EhrContext _db = null!;

            [HttpGet("patients")]
            public async Task<IActionResult> Search({{parameters}})
            {
                await Task.Yield();
                {{statements}}
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Value_bound_as_a_command_parameter() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Patients WHERE Name = $name";
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Value_in_a_SqliteParameter_object() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        using var command = new SqliteCommand("SELECT * FROM Patients WHERE Name = @n", connection);
        command.Parameters.Add(new SqliteParameter("@n", name));
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Int_parameter_concatenated() => NoDiagnosticInActionAsync(
        "int id, SqliteConnection connection",
        """
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Patients WHERE Id = " + id;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Text_parsed_to_int_before_use() => NoDiagnosticInActionAsync(
        "string id, SqliteConnection connection",
        """
        var number = int.Parse(id);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM Patients WHERE Id = {number}";
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Long_Guid_decimal_DateTime_bool_and_enum_parameters() => NoDiagnosticInActionAsync(
        "long mrn, Guid visit, decimal dose, DateTime since, bool active, Ward ward, SqliteConnection connection",
        """
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM Orders WHERE Mrn = {mrn} AND Visit = '{visit}' AND Dose = {dose} "
            + $"AND Since > '{since:O}' AND Active = {active} AND Ward = '{ward}'";
        command.ExecuteScalar();
        """);

    [Fact]
    public Task TryParse_out_value_is_an_int() => NoDiagnosticInActionAsync(
        "string id, SqliteConnection connection",
        """
        if (int.TryParse(id, out var number))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM Patients WHERE Id = " + number;
            command.ExecuteScalar();
        }
        """);

    [Fact]
    public Task Enum_parsed_from_text() => NoDiagnosticInActionAsync(
        "string ward, SqliteConnection connection",
        """
        var parsed = Enum.Parse<Ward>(ward);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Beds WHERE Ward = '" + parsed + "'";
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Length_and_count_are_numbers() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Patients LIMIT " + name.Length + " OFFSET " + Request.Query.Count;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task FromSqlInterpolated_makes_parameters() => NoDiagnosticInActionAsync(
        "string name",
        """
        _db.Patients.FromSqlInterpolated($"SELECT * FROM Patients WHERE Name = {name}").ToList();
        """);

    [Fact]
    public Task FromSql_with_a_FormattableString() => NoDiagnosticInActionAsync(
        "string name",
        """
        _db.Patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}").ToList();
        """);

    [Fact]
    public Task ExecuteSql_and_ExecuteSqlInterpolated() => NoDiagnosticInActionAsync(
        "string name",
        """
        _db.Database.ExecuteSql($"DELETE FROM Patients WHERE Name = {name}");
        await _db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Patients WHERE Name = {name}");
        """);

    [Fact]
    public Task FormattableString_variable_passed_to_FromSql() => NoDiagnosticInActionAsync(
        "string name",
        """
        FormattableString query = $"SELECT * FROM Patients WHERE Name = {name}";
        _db.Patients.FromSql(query).ToList();
        """);

    [Fact]
    public Task FromSqlRaw_with_parameters() => NoDiagnosticInActionAsync(
        "string name",
        """
        _db.Patients.FromSqlRaw("SELECT * FROM Patients WHERE Name = {0}", name).ToList();
        _db.Database.ExecuteSqlRaw("DELETE FROM Patients WHERE Name = {0}", name);
        """);

    [Fact]
    public Task Dapper_parameter_object() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        connection.Query<Patient>("SELECT * FROM Patients WHERE Name = @name", new { name });
        await connection.ExecuteAsync("DELETE FROM Patients WHERE Name = @name", new { name });
        """);

    [Fact]
    public Task Dapper_DynamicParameters() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        var parameters = new DynamicParameters();
        parameters.Add("name", name);
        connection.QueryFirstOrDefault<Patient>("SELECT * FROM Patients WHERE Name = @name", parameters);
        """);

    [Fact]
    public Task Constant_SQL_only() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        const string table = "Patients";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Tainted_local_overwritten_with_a_constant() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        var sql = "SELECT * FROM Patients WHERE Name = '" + name + "'";
        sql = "SELECT * FROM Patients";
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Parameter_overwritten_on_every_branch() => NoDiagnosticInActionAsync(
        "string order, SqliteConnection connection",
        """
        string column;
        if (order == "born")
        {
            column = "BirthDate";
        }
        else
        {
            column = "Name";
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Patients ORDER BY " + column;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task Tainted_value_used_only_for_a_condition() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        var table = string.IsNullOrEmpty(name) ? "Patients" : "ArchivedPatients";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM " + table;
        command.ExecuteScalar();
        """);

    [Fact]
    public Task FromServices_parameter_is_not_request_data() => NoDiagnosticAsync("""
        public class Settings { public string Table { get; set; } = "Patients"; }

        public class PatientsController : ControllerBase
        {
            [HttpGet("patients")]
            public IActionResult Count([FromServices] Settings settings, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM " + settings.Table;
                return Ok(command.ExecuteScalar());
            }
        }
        """);

    [Fact]
    public Task Public_method_of_a_plain_class_has_no_request_parameters() => NoDiagnosticAsync("""
        public class PatientImporter
        {
            public void Import(string name, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO Patients (Name) VALUES ('" + name + "')";
                command.ExecuteNonQuery();
            }
        }
        """);

    [Fact]
    public Task NonAction_and_private_controller_methods_are_not_actions() => NoDiagnosticAsync("""
        public class PatientsController : ControllerBase
        {
            [NonAction]
            public void Import(string name, SqliteConnection connection) => Run(name, connection);

            private void Run(string name, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO Patients (Name) VALUES ('" + name + "')";
                command.ExecuteNonQuery();
            }
        }
        """);

    [Fact]
    public Task Repository_that_parameterizes_its_input() => NoDiagnosticAsync("""
        public class PatientRepository
        {
            public object? FindByName(SqliteConnection connection, string name)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name = $name";
                command.Parameters.AddWithValue("$name", name);
                return command.ExecuteScalar();
            }
        }

        public class PatientsController : ControllerBase
        {
            [HttpGet("patients")]
            public IActionResult Search(string name, SqliteConnection connection) =>
                Ok(new PatientRepository().FindByName(connection, name));
        }
        """);

    [Fact]
    public Task Helper_that_ignores_its_argument() => NoDiagnosticAsync("""
        public class PatientsController : ControllerBase
        {
            [HttpGet("patients")]
            public IActionResult Search(string name, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = BuildQuery(name);
                return Ok(command.ExecuteScalar());
            }

            private static string BuildQuery(string name) => "SELECT * FROM Patients ORDER BY Name";
        }
        """);

    [Fact]
    public Task Minimal_api_service_parameters_are_not_request_data() => NoDiagnosticAsync("""
        public interface IWardCatalog { string DefaultWard { get; } }

        public static class BedEndpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                app.MapGet("/beds", (IWardCatalog catalog, EhrContext db) =>
                    db.Database.ExecuteSqlRaw("UPDATE Beds SET Ward = '" + catalog.DefaultWard + "'"));
            }
        }
        """);

    [Fact]
    public Task Minimal_api_int_route_parameter() => NoDiagnosticAsync("""
        public static class PatientEndpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                app.MapGet("/patients/{id}", (int id, SqliteConnection db) =>
                    db.QuerySingle<Patient>("SELECT * FROM Patients WHERE Id = " + id));
            }
        }
        """);

    [Fact]
    public Task Lambda_not_passed_to_Map_has_no_request_parameters() => NoDiagnosticAsync("""
        public static class Jobs
        {
            public static Func<string, int> Purge(SqliteConnection db) =>
                author => db.Execute("DELETE FROM Notes WHERE Author = '" + author + "'");
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify.VerifyAsync("// <auto-generated/>\n" + Usings + """
        public class GeneratedController : ControllerBase
        {
            [HttpGet("generated")]
            public IActionResult Search(string name, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name = '" + name + "'";
                return Ok(command.ExecuteScalar());
            }
        }
        """);

    [Fact]
    public Task Request_data_that_reaches_no_sql_sink() => NoDiagnosticInActionAsync(
        "string name, SqliteConnection connection",
        """
        Console.WriteLine("Searching " + name);
        var header = Request.Headers["X-Trace"].ToString();
        Response.Headers["X-Trace"] = header;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Patients";
        command.ExecuteScalar();
        """);
}
