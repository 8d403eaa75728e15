using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>A branch behind a condition known to be false is pruned; one that may change is not.</summary>
public class SqlInjectionDeadBranchTests
{
    private static string Controller(string declaration, string condition, string extra = "") => $$"""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.Sqlite;

        public class PatientsController : ControllerBase
        {
            {{declaration}}

            [HttpGet("patients")]
            public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM Patients WHERE Name = $name";
                if ({{condition}})
                {
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                }

                return Ok(command.ExecuteScalar());
            }
            {{extra}}
        }
        """;

    private static string Unmarked(string source) =>
        source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "");

    [Fact]
    public Task Const_false_condition() =>
        Verify.VerifyAsync(Unmarked(Controller("private const bool LegacySearch = false;", "LegacySearch")));

    [Fact]
    public Task Static_readonly_flag_set_once_from_a_literal() =>
        Verify.VerifyAsync(Unmarked(Controller("public static readonly bool LegacySearch = false;", "LegacySearch")));

    [Fact]
    public Task Private_field_never_written_after_its_initializer_and_negated_true() =>
        Verify.VerifyAsync(Unmarked(Controller("private bool _modern = true;", "!_modern")));

    [Fact]
    public Task Private_field_written_elsewhere_is_not_known() =>
        Verify.VerifyAsync(
            Controller("private bool _legacy = false;", "_legacy", "[HttpPost(\"legacy\")] public void Enable() => _legacy = true;"),
            Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1));

    [Fact]
    public Task Constant_true_condition_keeps_the_branch() =>
        Verify.VerifyAsync(
            Controller("private const bool LegacySearch = true;", "LegacySearch"),
            Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1));
}
