using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Fix = RaspAnalyzers.Analyzers.Tests.Verifiers.CodeFixVerifier<
    RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer, RaspAnalyzers.CodeFixes.Sql.SqlInjectionCodeFixProvider>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>The RASP1001 fix: spliced values become parameters, and the fixed code is clean.</summary>
public class SqlInjectionCodeFixTests
{
    private const string Controller = """
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        public class Patient { public int Id { get; set; } public string Name { get; set; } = ""; }

        public class EhrContext : DbContext
        {
            public DbSet<Patient> Patients => Set<Patient>();
        }

        public class PatientsController : ControllerBase
        {
            private readonly EhrContext _db = null!;

            [HttpGet("patients")]
            public async Task<IActionResult> Search(string {|#1:name|}, string {|#3:ward|}, int id, SqliteConnection connection)
            {
                await Task.Yield();
        BODY
                return Ok();
            }
        }
        """;

    private static string In(string body) => Controller.Replace("BODY", body);

    private static string Fixed(string body) => In(body).Replace("{|#1:name|}", "name").Replace("{|#3:ward|}", "ward");

    [Fact]
    public Task Quoted_value_in_CommandText_becomes_AddWithValue() => Fix.VerifyFixAsync(
        In("""
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "' AND Id = " + id|};
                command.ExecuteScalar();
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1) },
        Fixed("""
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name = @name AND Id = @id";
                command.Parameters.AddWithValue("@name", name);
                command.Parameters.AddWithValue("@id", id);
                command.ExecuteScalar();
        """));

    [Fact]
    public Task Like_pattern_moves_its_wildcards_into_the_value() => Fix.VerifyFixAsync(
        In("""
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:$"SELECT * FROM Patients WHERE Name LIKE '%{name}%' AND Ward = '{ward}'"|};
                command.ExecuteScalar();
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").WithLocation(0).WithLocation(1) },
        Fixed("""
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name LIKE @name AND Ward = @ward";
                command.Parameters.AddWithValue("@name", "%" + name + "%");
                command.Parameters.AddWithValue("@ward", ward);
                command.ExecuteScalar();
        """));

    [Fact]
    public Task Command_constructor_gets_its_parameters_after_the_declaration() => Fix.VerifyFixAsync(
        In("""
                using var command = new SqliteCommand({|#0:"DELETE FROM Notes WHERE Ward = '" + ward + "'"|}, connection);
                command.ExecuteNonQuery();
        """),
        new[] { Rasp1001.Expect("query parameter 'ward'", "new SqliteCommand").WithLocation(0).WithLocation(3) },
        Fixed("""
                using var command = new SqliteCommand("DELETE FROM Notes WHERE Ward = @ward", connection);
                command.Parameters.AddWithValue("@ward", ward);
                command.ExecuteNonQuery();
        """));

    [Fact]
    public Task Dapper_call_gets_a_parameter_object() => Fix.VerifyFixAsync(
        In("""
                connection.Query<Patient>({|#0:$"SELECT * FROM Patients WHERE Name = '{name}' AND Ward = '{ward}'"|});
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "SqlMapper.Query").WithLocation(0).WithLocation(1) },
        Fixed("""
                connection.Query<Patient>("SELECT * FROM Patients WHERE Name = @name AND Ward = @ward", new { name, ward });
        """));

    [Fact]
    public Task FromSqlRaw_becomes_FromSql_with_holes() => Fix.VerifyFixAsync(
        In("""
                _db.Patients.FromSqlRaw({|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|}).ToList();
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "RelationalQueryableExtensions.FromSqlRaw").At(1) },
        Fixed("""
                _db.Patients.FromSql($"SELECT * FROM Patients WHERE Name = {name}").ToList();
        """));

    [Fact]
    public Task ExecuteSqlRawAsync_becomes_ExecuteSqlAsync() => Fix.VerifyFixAsync(
        In("""
                await _db.Database.ExecuteSqlRawAsync({|#0:$"UPDATE Beds SET Ward = '{ward}' WHERE Name LIKE '{name}%'"|});
        """),
        new[]
        {
            Rasp1001.Expect("query parameter 'ward'", "RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync")
                .WithLocation(0)
                .WithLocation(3)
        },
        Fixed("""
                await _db.Database.ExecuteSqlAsync($"UPDATE Beds SET Ward = {ward} WHERE Name LIKE {name + "%"}");
        """));

    [Fact]
    public Task Name_spliced_outside_quotes_is_left_for_a_person() => Fix.VerifyFixAsync(
        In("""
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT * FROM Patients ORDER BY " + name|};
                command.ExecuteScalar();
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1) },
        In("""
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT * FROM Patients ORDER BY " + name|};
                command.ExecuteScalar();
        """),
        new[] { Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1) });

    [Fact]
    public Task Fix_all_rewrites_every_sink_in_the_document() => Fix.VerifyFixAsync(
        In("""
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                command.ExecuteScalar();
                connection.Execute({|#2:"DELETE FROM Beds WHERE Ward = '" + ward + "'"|});
        """),
        new[]
        {
            Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1),
            Rasp1001.Expect("query parameter 'ward'", "SqlMapper.Execute").WithLocation(2).WithLocation(3),
        },
        Fixed("""
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name = @name";
                command.Parameters.AddWithValue("@name", name);
                command.ExecuteScalar();
                connection.Execute("DELETE FROM Beds WHERE Ward = @ward", new { ward });
        """));
}
