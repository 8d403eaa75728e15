using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Remote sources: bound models, request collections, body readers, pages and hubs.</summary>
public class SqlInjectionSourceTests
{
    [Fact]
    public async Task Member_of_a_FromBody_model_in_an_api_controller()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientSearch { public string Name { get; set; } = ""; public int Limit { get; set; } }

            [ApiController]
            public class PatientsController : ControllerBase
            {
                [HttpPost("patients/search")]
                public IActionResult Search([FromBody] PatientSearch {|#1:search|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + search.Name + "' LIMIT " + search.Limit|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("request body parameter 'search'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Member_of_an_unattributed_model_in_an_api_controller_is_body_data()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public record NoteInput(string Mrn, string Text);

            [ApiController]
            public class NotesController : ControllerBase
            {
                [HttpPost("notes")]
                public IActionResult Add(NoteInput {|#1:note|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:$"INSERT INTO Notes (Mrn, Text) VALUES ('{note.Mrn}', '{note.Text}')"|};
                    return Ok(command.ExecuteNonQuery());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("request body parameter 'note'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Member_of_a_FromQuery_model()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class Paging { public string Sort { get; set; } = "Name"; }

            public class PatientsController : Controller
            {
                public IActionResult List([FromQuery] Paging {|#1:paging|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients ORDER BY " + paging.Sort|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'paging'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Request_Query_indexer_names_its_key()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(SqliteConnection connection)
                {
                    string {|#2:name|} = {|#1:Request.Query["name"]|};
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query string value 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Form_field_through_HttpContext()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class VisitsController : ControllerBase
            {
                [HttpPost("visits")]
                public IActionResult Create(SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"INSERT INTO Visits (Reason) VALUES ('" + {|#1:HttpContext.Request.Form["reason"]|} + "')"|};
                    return Ok(command.ExecuteNonQuery());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("form field 'reason'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Header_and_cookie_values()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class AuditController : ControllerBase
            {
                [HttpGet("audit")]
                public IActionResult Get(SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Audit WHERE Device = '" + {|#1:Request.Headers["X-Device"]|} + "'"|};
                    command.ExecuteScalar();
                    command.CommandText = {|#2:"SELECT * FROM Sessions WHERE Id = '" + {|#3:Request.Cookies["sid"]|} + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Rasp1001.Expect("header 'X-Device'", "SqliteCommand.CommandText").WithLocation(0).WithLocation(1),
            Rasp1001.Expect("cookie 'sid'", "SqliteCommand.CommandText").WithLocation(2).WithLocation(3));
    }

    [Fact]
    public async Task Route_value_and_TryGetValue_out_argument()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class WardsController : ControllerBase
            {
                [HttpGet("wards/{ward}")]
                public IActionResult Get(SqliteConnection connection)
                {
                    var {|#2:ward|} = {|#1:Request.RouteValues["ward"]|}?.ToString();
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Beds WHERE Ward = '" + ward + "'"|};
                    command.ExecuteScalar();

                    if ({|#5:{|#4:Request.Query|}.TryGetValue("bed", out var bed)|})
                    {
                        command.CommandText = {|#3:"SELECT * FROM Beds WHERE Id = '" + bed + "'"|};
                    }

                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Rasp1001.Expect("route value 'ward'", "SqliteCommand.CommandText").At(2),
            Rasp1001.Expect("the request query string", "SqliteCommand.CommandText").WithLocation(3).WithLocation(4).WithLocation(5));
    }

    [Fact]
    public async Task Request_body_read_as_text()
    {
        const string source = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class ImportController : ControllerBase
            {
                [HttpPost("import")]
                public async Task<IActionResult> Import(SqliteConnection connection)
                {
                    using var {|#2:reader|} = new StreamReader({|#1:Request.Body|});
                    var {|#3:statement|} = await reader.ReadToEndAsync();
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:statement|};
                    return Ok(await command.ExecuteNonQueryAsync());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("the request body", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Json_body_read_with_ReadFromJsonAsync()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public record Filter(string Ward);

            public class BedsController : ControllerBase
            {
                [HttpPost("beds")]
                public async Task<IActionResult> Find(SqliteConnection connection)
                {
                    var {|#2:filter|} = await {|#1:Request.ReadFromJsonAsync<Filter>()|};
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Beds WHERE Ward = '" + filter!.Ward + "'"|};
                    return Ok(await command.ExecuteScalarAsync());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("the request body", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Razor_page_handler_parameter_and_bound_property()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Data.Sqlite;

            public class SearchModel : PageModel
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                [BindProperty(SupportsGet = true)]
                public string Ward { get; set; } = "";

                public void OnGet(string {|#1:name|})
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                    command.ExecuteScalar();
                    command.CommandText = {|#2:"SELECT * FROM Patients WHERE Ward = '" + {|#3:Ward|} + "'"|};
                    command.ExecuteScalar();
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").WithLocation(0).WithLocation(1),
            Rasp1001.Expect("bound property 'Ward'", "SqliteCommand.CommandText").WithLocation(2).WithLocation(3));
    }

    [Fact]
    public async Task SignalR_hub_method_argument()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Data.Sqlite;

            public class ChartHub : Hub
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                public Task Subscribe(string {|#1:mrn|})
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Vitals WHERE Mrn = '" + mrn + "'"|};
                    return command.ExecuteScalarAsync();
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("hub method argument 'mrn'", "SqliteCommand.CommandText").At(1));
    }
}
