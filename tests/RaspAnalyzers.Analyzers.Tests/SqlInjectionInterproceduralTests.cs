using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>Flows through methods of the same compilation, by summaries.</summary>
public class SqlInjectionInterproceduralTests
{
    [Fact]
    public async Task Repository_method_with_the_sink_is_reported_at_the_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientRepository
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                public object? FindByName(string name)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#3:"SELECT * FROM Patients WHERE Name = '" + name + "'"|};
                    return command.ExecuteScalar();
                }
            }

            public class PatientsController : ControllerBase
            {
                private readonly PatientRepository _patients = new();

                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}) => Ok({|#2:_patients.FindByName({|#0:name|})|});
            }
            """;

        // Reported where the request data enters the repository; the call and the sink inside are on the path.
        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText",
            via: "PatientRepository.FindByName").At(3));
    }

    [Fact]
    public async Task Helper_that_returns_built_SQL()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public static class Sql
            {
                public static string WhereEquals(string column, string value)
                {
                    var {|#3:clause|} = " WHERE " + column + " = '" + value + "'";
                    return clause;
                }
            }

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:mrn|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients" + {|#2:Sql.WhereEquals("Mrn", mrn)|}|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'mrn'", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Controller_to_service_to_repository()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class NoteRepository
            {
                public int Delete(SqliteConnection connection, string author)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#4:"DELETE FROM Notes WHERE Author = '" + author + "'"|};
                    return command.ExecuteNonQuery();
                }
            }

            public class NoteService
            {
                private readonly NoteRepository _repository = new();
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                public int Purge(string author) => {|#3:_repository.Delete(_connection, author)|};
            }

            public class NotesController : ControllerBase
            {
                private readonly NoteService _notes = new();

                [HttpDelete("notes")]
                public IActionResult Purge(string {|#1:author|}) => Ok({|#2:_notes.Purge({|#0:author|})|});
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'author'", "SqliteCommand.CommandText",
            via: "NoteRepository.Delete").At(4));
    }

    [Fact]
    public async Task Extension_method_building_a_filter()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public static class FilterExtensions
            {
                public static string AsLikeFilter(this string term) => "LIKE '%" + term + "%'";
            }

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:term|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name " + {|#2:term.AsLikeFilter()|}|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'term'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Async_helper_awaited_by_the_action()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public async Task<IActionResult> Search(string {|#1:name|}, SqliteConnection connection)
                {
                    var {|#3:sql|} = await {|#2:BuildAsync(name)|};
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:sql|};
                    return Ok(await command.ExecuteScalarAsync());
                }

                private static async Task<string> BuildAsync(string name)
                {
                    await Task.Yield();
                    return "SELECT * FROM Patients WHERE Name = '" + name + "'";
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Local_function_with_the_sink()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}, SqliteConnection connection)
                {
                    return Ok({|#2:Run(name)|});

                    object? Run(string value)
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = {|#0:"SELECT * FROM Patients WHERE Name = '" + value + "'"|};
                        return command.ExecuteScalar();
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'name'", "SqliteCommand.CommandText").At(2));
    }

    [Fact]
    public async Task Lambda_capturing_the_parameter()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class ReportsController : ControllerBase
            {
                [HttpPost("reports")]
                public async Task<IActionResult> Queue(string {|#1:ward|}, SqliteConnection connection)
                {
                    var count = await Task.Run(() =>
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = {|#0:"SELECT COUNT(*) FROM Beds WHERE Ward = '" + ward + "'"|};
                        return command.ExecuteScalar();
                    });
                    return Ok(count);
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'ward'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Model_method_reading_its_own_members()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class PatientQuery
            {
                public string Ward { get; set; } = "";

                public string ToSql() => "SELECT * FROM Patients WHERE Ward = '" + Ward + "'";
            }

            [ApiController]
            public class PatientsController : ControllerBase
            {
                [HttpPost("patients/query")]
                public IActionResult Run(PatientQuery {|#1:query|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:query.ToSql()|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("request body parameter 'query'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Partial_class_with_the_action_in_another_file()
    {
        const string controller = """
            using Microsoft.AspNetCore.Mvc;

            public partial class PatientsController : ControllerBase
            {
                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}) => Ok({|#2:Query({|#0:name|})|});
            }
            """;
        const string queries = """
            using Microsoft.Data.Sqlite;

            public partial class PatientsController
            {
                private object? Query(string name)
                {
                    using var connection = new SqliteConnection("Data Source=ehr.db");
                    using var command = new SqliteCommand({|#3:"SELECT * FROM Patients WHERE Name = '" + name + "'"|}, connection);
                    return command.ExecuteScalar();
                }
            }
            """;

        await Verify.VerifyAsync(new[] { controller, queries }, Rasp1001.Expect("query parameter 'name'", "new SqliteCommand",
            via: "PatientsController.Query").At(3));
    }

    [Fact]
    public async Task Call_through_an_interface_reaches_the_implementation()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public interface IPatientRepository
            {
                object? FindByMrn(string mrn);
            }

            public sealed class SqlitePatientRepository : IPatientRepository
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                public object? FindByMrn(string mrn)
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#3:$"SELECT * FROM Patients WHERE Mrn = '{mrn}'"|};
                    return command.ExecuteScalar();
                }
            }

            [ApiController]
            public class PatientsController : ControllerBase
            {
                private readonly IPatientRepository _patients;

                public PatientsController(IPatientRepository patients) => _patients = patients;

                [HttpGet("patients/{mrn}")]
                public IActionResult Get(string {|#1:mrn|}) => Ok({|#2:_patients.FindByMrn({|#0:mrn|})|});
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("route parameter 'mrn'", "SqliteCommand.CommandText",
            via: "SqlitePatientRepository.FindByMrn").At(3));
    }

    [Fact]
    public async Task Call_to_an_abstract_method_reaches_the_override()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public abstract class QueryBuilder
            {
                public abstract string Build(string filter);
            }

            public sealed class WardQueryBuilder : QueryBuilder
            {
                public override string Build(string filter) => "SELECT * FROM Beds WHERE Ward = '" + filter + "'";
            }

            public class BedsController : ControllerBase
            {
                private readonly QueryBuilder _builder = new WardQueryBuilder();

                [HttpGet("beds")]
                public IActionResult Find(string {|#1:ward|}, SqliteConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = {|#0:_builder.Build(ward)|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'ward'", "SqliteCommand.CommandText").At(1));
    }

    [Fact]
    public async Task Header_stored_in_a_field_by_the_constructor_and_read_by_another_method()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Data.Sqlite;

            public sealed class TenantPatientStore
            {
                private readonly string _tenant;
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                public TenantPatientStore(IHttpContextAccessor accessor)
                {
                    {|#2:_tenant = {|#1:accessor.HttpContext!.Request.Headers["X-Tenant"]|}.ToString()|};
                }

                public object? CountPatients()
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT COUNT(*) FROM Patients WHERE Tenant = '" + {|#3:_tenant|} + "'"|};
                    return command.ExecuteScalar();
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("header 'X-Tenant'", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Action_parameter_stored_in_a_property_and_used_by_a_later_call()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class WardsController : ControllerBase
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");

                private string CurrentWard { get; set; } = "";

                [HttpPost("wards/select")]
                public IActionResult Select(string {|#1:ward|})
                {
                    {|#2:CurrentWard = ward|};
                    return Ok();
                }

                [HttpGet("wards/beds")]
                public IActionResult Beds()
                {
                    using var command = _connection.CreateCommand();
                    command.CommandText = {|#0:"SELECT * FROM Beds WHERE Ward = '" + {|#3:CurrentWard|} + "'"|};
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source, Rasp1001.Expect("query parameter 'ward'", "SqliteCommand.CommandText").At(3));
    }

    [Fact]
    public async Task Field_assigned_only_constants_stays_clean()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class WardsController : ControllerBase
            {
                private readonly SqliteConnection _connection = new("Data Source=ehr.db");
                private string _table = "Beds";

                [HttpPost("wards/archive")]
                public IActionResult Archive(string ward)
                {
                    _table = ward.Length > 3 ? "ArchivedBeds" : "Beds";
                    using var command = _connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM " + _table;
                    return Ok(command.ExecuteScalar());
                }
            }
            """;

        await Verify.VerifyAsync(source);
    }
}
