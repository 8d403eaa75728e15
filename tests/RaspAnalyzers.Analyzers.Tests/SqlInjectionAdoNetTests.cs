using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>ADO.NET sinks: command text of every provider, through DbCommand and IDbCommand.</summary>
public class SqlInjectionAdoNetTests
{
    [Fact]
    public async Task Query_parameter_concatenated_into_CommandText()
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

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Interpolated_local_assigned_to_CommandText_reports_the_local_as_a_step()
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
                    var {|#2:sql|} = $"SELECT * FROM Patients WHERE Name = '{name}'";
                    command.CommandText = {|#0:sql|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task String_Format_into_SqliteCommand_constructor()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : Controller
            {
                public IActionResult Notes(string {|#1:mrn|})
                {
                    using var connection = new SqliteConnection("Data Source=ehr.db");
                    var {|#2:sql|} = string.Format("SELECT Note FROM Notes WHERE Mrn = '{0}'", mrn);
                    using var command = new SqliteCommand({|#0:sql|}, connection);
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'mrn'", "new SqliteCommand").At(2));
    }

    [Fact]
    public async Task Route_parameter_into_SqlClient_SqlCommand_constructor()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.SqlClient;

            [ApiController]
            [Route("api/patients")]
            public class PatientsController : ControllerBase
            {
                [HttpGet("{mrn}")]
                public IActionResult Get(string {|#1:mrn|})
                {
                    using var connection = new SqlConnection("Server=.;Encrypt=true");
                    using var command = new SqlCommand({|#0:"SELECT * FROM Patients WHERE Mrn = '" + mrn + "'"|}, connection);
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("route parameter 'mrn'", "new SqlCommand").At(1));
    }

    [Fact]
    public async Task Header_parameter_into_NpgsqlCommand_constructor()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Npgsql;

            public class ClinicController : ControllerBase
            {
                [HttpGet("clinic")]
                public IActionResult Get([FromHeader(Name = "X-Clinic")] string {|#1:clinic|})
                {
                    using var connection = new NpgsqlConnection("Host=localhost");
                    using var command = new NpgsqlCommand({|#0:$"SELECT * FROM visits WHERE clinic = '{clinic}'"|}, connection);
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("header parameter 'clinic'", "new NpgsqlCommand").At(1));
    }

    [Fact]
    public async Task IDbCommand_CommandText_through_the_interface()
    {
        const string source = """
            using System.Data;
            using Microsoft.AspNetCore.Mvc;

            public class ReportsController : ControllerBase
            {
                private readonly IDbConnection _connection;

                public ReportsController(IDbConnection connection) => _connection = connection;

                [HttpGet("reports")]
                public IActionResult Run(string {|#1:ward|})
                {
                    using IDbCommand command = _connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Admissions WHERE Ward = '" + ward + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'ward'", "IDbCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Object_initializer_sets_CommandText()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    using var command = new SqliteCommand { Connection = connection, CommandText = {|#0:"SELECT * FROM Patients WHERE Name LIKE '%" + name + "%'"|} };
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task SqlDataAdapter_select_command_text()
    {
        const string source = """
            using System.Data;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.SqlClient;

            public class ExportController : ControllerBase
            {
                [HttpGet("export")]
                public IActionResult Export(string {|#1:table|})
                {
                    using var connection = new SqlConnection("Server=.;Encrypt=true");
                    var adapter = new SqlDataAdapter({|#0:"SELECT * FROM " + table|}, connection);
                    var data = new DataSet();
                    adapter.Fill(data);
                    return Ok(data.Tables.Count);
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'table'", "new SqlDataAdapter").At(1));
    }

    [Fact]
    public async Task StringBuilder_accumulates_the_parameter()
    {
        const string source = """
            using System.Text;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    var builder = new StringBuilder("SELECT * FROM Patients");
                    {|#2:builder.Append(" WHERE Name = '").Append(name)|}.Append('\'');
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:builder.ToString()|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Compound_assignment_appends_to_the_statement()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    var sql = "SELECT * FROM Patients WHERE 1 = 1";
                    if (name.Length > 0)
                    {
                        {|#2:sql += " AND Name = '" + name + "'"|};
                    }

                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:sql|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task String_methods_pass_the_taint_on()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    var {|#2:normalized|} = name.Trim().ToUpperInvariant().Replace("*", "%");
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:string.Concat("SELECT * FROM Patients WHERE Name LIKE '", normalized, "'")|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Collection_filled_in_a_loop_and_joined()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult ByWards(string[] {|#1:wards|}, SqliteConnection connection)
                {
                    var quoted = new List<string>();
                    foreach (var {|#2:ward|} in wards)
                    {
                        {|#3:quoted.Add("'" + ward + "'")|};
                    }

                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Ward IN (" + string.Join(",", quoted) + ")"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'wards'", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Conditional_expression_keeps_the_tainted_branch()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string? {|#1:name|}, SqliteConnection connection)
                {
                    var {|#2:filter|} = name is null ? "1 = 1" : "Name = '" + name + "'";
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE " + filter|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Sink_inside_a_catch_block_sees_data_from_the_try()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    string sql = "SELECT 1";
                    try
                    {
                        {|#2:sql = "SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                        throw new InvalidOperationException();
                    }
                    catch (InvalidOperationException)
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = {|#0:sql|};
                        return Ok(command.ExecuteScalar());
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Switch_expression_arm_with_the_parameter()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Sorted(string {|#1:order|}, SqliteConnection connection)
                {
                    var {|#2:column|} = order switch { "name" => "Name", "born" => "BirthDate", _ => order };
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients ORDER BY " + column|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'order'", "SqliteCommand.CommandText").At(2));
    }
}
