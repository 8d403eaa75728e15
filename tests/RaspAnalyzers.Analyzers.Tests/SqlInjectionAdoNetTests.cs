using System.Threading.Tasks;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

public class SqlInjectionAdoNetTests
{
    [Fact]
    public async Task Controller_query_parameter_concatenated_into_CommandText_is_reported()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|})
                {
                    using var connection = new SqliteConnection("Data Source=ehr.db");
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Verify.Diagnostic("RASP1001").WithLocation(0).WithLocation(1)
            .WithArguments("query parameter 'name'", "the SQL text of 'SqliteCommand.CommandText'", ""));
    }
}
