using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Bad input: broken code, recursion, huge methods. The analyzer reports what it can and never throws.</summary>
public class RobustnessTests
{
    [Fact]
    public async Task Code_that_does_not_compile_still_reports_the_flow()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "' AND " + {|#2:Missing|}(name)|};
                    {|#3:UnknownType|} value = command.{|#4:Frobnicate|}();
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source,
            Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1),
            DiagnosticResult.CompilerError("CS0103").WithLocation(2).WithArguments("Missing"),
            DiagnosticResult.CompilerError("CS0246").WithLocation(3).WithArguments("UnknownType"),
            DiagnosticResult.CompilerError("CS1061").WithLocation(4).WithArguments("Microsoft.Data.Sqlite.SqliteCommand", "Frobnicate"));
    }

    [Fact]
    public async Task Recursive_and_mutually_recursive_helpers_terminate()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public static class Filters
            {
                public static string Even(string value, int depth) => depth == 0 ? value : Odd(value + " ", depth - 1);

                public static string Odd(string value, int depth) => depth == 0 ? value : Even(value, depth - 1);
            }

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + {|#2:Filters.Even(name, 4)|} + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Partial_method_without_an_implementation_is_not_followed()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public partial class PatientsController : ControllerBase
            {
                partial void Audit(string name);

                [HttpGet("patients")]
                public IActionResult Search(string name, SqliteConnection connection)
                {
                    Audit(name);
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM Patients";
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Huge_method_is_analyzed_within_its_budget()
    {
        // Thousands of statements after the flow: the flow is still found, and the rest costs bounded work.
        var body = new StringBuilder();
        foreach (var i in Enumerable.Range(0, 3000))
        {
            body.Append("        total += name.Length + ").Append(i).AppendLine(";");
            body.Append("        if (total % 7 == ").Append(i % 7).AppendLine(") { label = label + \"x\"; }");
        }

        var source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                    var total = 0;
                    var label = "";

            """ + body + """
                    return Ok(command.ExecuteScalar() + label + total);
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Compilation_without_AspNetCore_sources_reports_nothing()
    {
        // A console tool: no request data exists, so nothing is a source however the SQL is built.
        const string source = """
            using System;
            using Microsoft.Data.Sqlite;

            public static class Tool
            {
                public static void Main(string[] args)
                {
                    using var connection = new SqliteConnection("Data Source=ehr.db");
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT * FROM Patients WHERE Name = '" + Console.ReadLine() + "'";
                    command.ExecuteScalar();
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
