using System.Threading.Tasks;
using RaspAnalyzers.Analyzers.Tests.Verifiers;
using Verify = RaspAnalyzers.Analyzers.Tests.Verifiers.AnalyzerVerifier<RaspAnalyzers.Analyzers.Taint.InjectionAnalyzer>;

namespace RaspAnalyzers.Analyzers.Tests;

/// <summary>EF Core raw SQL and Dapper: the string APIs are sinks, the FormattableString and parameter ones not.</summary>
public class SqlInjectionOrmTests
{
    private const string EhrContext = """
        using Microsoft.EntityFrameworkCore;

        public class Patient { public int Id { get; set; } public string Name { get; set; } = ""; }

        public class EhrContext : DbContext
        {
            public DbSet<Patient> Patients => Set<Patient>();
        }
        """;

    [Fact]
    public async Task FromSqlRaw_with_an_interpolated_string()
    {
        const string source = """
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class PatientsController : ControllerBase
            {
                private readonly EhrContext _db;

                public PatientsController(EhrContext db) => _db = db;

                [HttpGet("patients")]
                public IActionResult Search(string {|#1:name|}) =>
                    Ok(_db.Patients.FromSqlRaw({|#0:$"SELECT * FROM Patients WHERE Name = '{name}'"|}).ToList());
            }
            """;

        await Verify.VerifyAsync(new[] { source, EhrContext },
            Rasp1001.Expect("query parameter 'name'", "RelationalQueryableExtensions.FromSqlRaw").At(1));
    }

    [Fact]
    public async Task ExecuteSqlRawAsync_with_a_concatenated_statement()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class PatientsController : ControllerBase
            {
                private readonly EhrContext _db;

                public PatientsController(EhrContext db) => _db = db;

                [HttpDelete("patients/{name}")]
                public async Task<IActionResult> Delete(string {|#1:name|}) =>
                    Ok(await _db.Database.ExecuteSqlRawAsync({|#0:"DELETE FROM Patients WHERE Name = '" + name + "'"|}));
            }
            """;

        await Verify.VerifyAsync(new[] { source, EhrContext },
            Rasp1001.Expect("route parameter 'name'", "RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync").At(1));
    }

    [Fact]
    public async Task ExecuteSqlRaw_and_SqlQueryRaw()
    {
        const string source = """
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class AdminController : ControllerBase
            {
                private readonly EhrContext _db;

                public AdminController(EhrContext db) => _db = db;

                [HttpPost("admin/archive")]
                public IActionResult Archive(string {|#1:before|}, string {|#3:ward|})
                {
                    _db.Database.ExecuteSqlRaw({|#0:"DELETE FROM Visits WHERE Date < '" + before + "'"|});
                    return Ok(_db.Database.SqlQueryRaw<int>({|#2:"SELECT COUNT(*) FROM Beds WHERE Ward = '" + ward + "'"|}).ToList());
                }
            }
            """;

        await Verify.VerifyAsync(new[] { source, EhrContext },
            Rasp1001.Expect("query parameter 'before'", "RelationalDatabaseFacadeExtensions.ExecuteSqlRaw").WithLocation(0).WithLocation(1),
            Rasp1001.Expect("query parameter 'ward'", "RelationalDatabaseFacadeExtensions.SqlQueryRaw").WithLocation(2).WithLocation(3));
    }

    [Fact]
    public async Task Dapper_ExecuteAsync_and_CommandDefinition()
    {
        const string source = """
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Data.Sqlite;

            public class ConsentController : ControllerBase
            {
                [HttpPost("consent")]
                public async Task<IActionResult> Revoke(string {|#1:mrn|}, string {|#3:scope|}, SqliteConnection db)
                {
                    await db.ExecuteAsync({|#0:"UPDATE Consents SET Revoked = 1 WHERE Mrn = '" + mrn + "'"|});
                    var command = new CommandDefinition({|#2:"SELECT * FROM Consents WHERE Scope = '" + scope + "'"|});
                    return Ok(await db.QueryAsync<string>(command));
                }
            }
            """;

        await Verify.VerifyAsync(source,
            Rasp1001.Expect("query parameter 'mrn'", "SqlMapper.ExecuteAsync").WithLocation(0).WithLocation(1),
            Rasp1001.Expect("query parameter 'scope'", "new CommandDefinition").WithLocation(2).WithLocation(3));
    }

    [Fact]
    public async Task Entity_Framework_Core_2_raw_sql_through_RawSqlString()
    {
        // EF Core 2.x is not referenced here; its raw-SQL surface is declared as it shipped.
        const string efCore2 = """
            using System;
            using System.Linq;

            namespace Microsoft.EntityFrameworkCore
            {
                public readonly struct RawSqlString
                {
                    public RawSqlString(string s) => Format = s;
                    public string Format { get; }
                    public static implicit operator RawSqlString(string s) => new(s);
                    public static implicit operator RawSqlString(FormattableString f) => new(f.Format);
                }

                public static class RelationalQueryableExtensions
                {
                    public static IQueryable<T> FromSql<T>(this IQueryable<T> source, RawSqlString sql, params object[] parameters) => source;
                    public static IQueryable<T> FromSql<T>(this IQueryable<T> source, FormattableString sql) => source;
                }
            }
            """;
        const string source = """
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class Product { public string Name { get; set; } = ""; }

            public class ProductsController : ControllerBase
            {
                private readonly IQueryable<Product> _products = Enumerable.Empty<Product>().AsQueryable();

                [HttpGet("products/search")]
                public IActionResult Search(string {|#1:keyword|})
                {
                    var {|#2:query|} = $"SELECT * FROM Products WHERE Name LIKE '%{keyword}%'";
                    var safe = _products.FromSql($"SELECT * FROM Products WHERE Name = {keyword}").ToList();
                    return Ok(_products.FromSql({|#0:query|}).ToList().Concat(safe));
                }
            }
            """;

        var test = new AnalyzerVerifier<Taint.InjectionAnalyzer>.Test();
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Without("Microsoft.EntityFrameworkCore"));
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(efCore2);
        test.ExpectedDiagnostics.Add(Rasp1001.Expect("query parameter 'keyword'", "RelationalQueryableExtensions.FromSql").At(2));
        await test.RunAsync();
    }
}
