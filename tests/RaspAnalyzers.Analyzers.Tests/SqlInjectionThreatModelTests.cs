using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>The rasp_threat_models option chooses which inputs are sources.</summary>
public class SqlInjectionThreatModelTests
{
    private const string ConsoleTool = """
        using System;
        using Microsoft.Data.Sqlite;

        public static class Tool
        {
            public static void Main(string[] {|#3:args|})
            {
                using var connection = new SqliteConnection("Data Source=ehr.db");
                using var command = connection.CreateCommand();
                command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + {|#1:Console.ReadLine()|} + "'"|};
                command.ExecuteScalar();
                command.CommandText = {|#2:"DELETE FROM Patients WHERE Ward = '" + args[0] + "'"|};
                command.ExecuteNonQuery();
                command.CommandText = {|#4:"SELECT * FROM Wards WHERE Name = '" + {|#5:Environment.GetEnvironmentVariable("WARD")|} + "'"|};
                command.ExecuteScalar();
            }
        }
        """;

    [Fact]
    public async Task Local_model_makes_console_command_line_and_environment_sources()
    {
        var test = new AnalyzerVerifier<Taint.InjectionAnalyzer>.Test();
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(ConsoleTool);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nrasp_threat_models = local\n"));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Rasp1001.Expect("console input", "SqliteCommand.CommandText").WithLocation(0).WithLocation(1),
            Rasp1001.Expect("command-line argument 'args'", "SqliteCommand.CommandText").WithLocation(2).WithLocation(3),
            Rasp1001.Expect("an environment variable", "SqliteCommand.CommandText").WithLocation(4).WithLocation(5),
        });
        await test.RunAsync();
    }

    [Fact]
    public Task Default_model_is_remote_only() =>
        Verify.VerifyAsync(ConsoleTool.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("{|#3:", "")
            .Replace("{|#4:", "").Replace("{|#5:", "").Replace("|}", ""));

    [Fact]
    public Task Unknown_model_names_fall_back_to_remote() =>
        Verify.VerifyWithEditorConfigAsync(new[] { ConsoleTool.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "")
            .Replace("{|#3:", "").Replace("{|#4:", "").Replace("{|#5:", "").Replace("|}", "") }, "rasp_threat_models = lokal");

    [Fact]
    public Task Database_model_finds_second_order_injection() =>
        Verify.VerifyWithEditorConfigAsync(new[] { """
            using Microsoft.Data.Sqlite;

            public static class Reindex
            {
                public static void Run(SqliteConnection connection)
                {
                    using var read = connection.CreateCommand();
                    read.CommandText = "SELECT Ward FROM Wards";
                    using var reader = read.ExecuteReader();
                    while (reader.Read())
                    {
                        var {|#2:ward|} = {|#1:reader.GetString(0)|};
                        using var update = connection.CreateCommand();
                        update.CommandText = {|#0:"UPDATE Beds SET Checked = 1 WHERE Ward = '" + ward + "'"|};
                        update.ExecuteNonQuery();
                    }
                }
            }
            """ }, "rasp_threat_models = remote, database",
            Rasp1001.Expect("a database value", "SqliteCommand.CommandText").At(2));

    [Fact]
    public Task Local_only_turns_request_sources_off() =>
        Verify.VerifyWithEditorConfigAsync(new[] { """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string name, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT * FROM Patients WHERE Name = '" + name + "' OR Ward = '" + Request.Query["w"] + "'";
                    return Ok(command.ExecuteScalar());
                }
            }
            """ }, "rasp_threat_models = local");
}
