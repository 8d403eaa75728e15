using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.Benchmarks;

/// <summary>
/// Everything the guards add to one request, without the pipeline around it: capturing the query and cookies,
/// opening the scope, and one guarded SQL check of a parameterized statement. A request's own noise on a shared
/// machine is far larger than this, so this figure is the one to set against a request's time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GuardWorkBenchmarks
{
    private const string Statement =
        "SELECT p.id, p.family, p.given, p.birth_date, e.admitted_at, e.ward FROM patients p JOIN encounters e ON " +
        "e.patient_id = p.id WHERE p.family = @family AND p.active = 1 AND e.ward = @ward ORDER BY e.admitted_at DESC";

    private ServiceProvider _services = null!;
    private RaspGuard _guard = null!;
    private RequestCaptureOptions _capture = null!;
    private DefaultHttpContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRasp(options => options.Sql.Mode = GuardMode.Block);
        _services = services.BuildServiceProvider();
        _guard = _services.GetRequiredService<RaspGuard>();
        _capture = _guard.Options.Capture;
        _context = new DefaultHttpContext();
        _context.Request.QueryString = new QueryString("?family=O%27Brien&ward=cardiology&from=2024-05-01");
        _context.Request.Headers.Cookie = "portal_auth=c2Vzc2lvbi1pZC0xMjM0NTY3ODkw";
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "capture + scope + one guarded SQL check")]
    public async Task GuardWorkPerRequest()
    {
        // A fresh query collection each time, as for a new request, so the parse cost is counted too.
        _context.Request.QueryString = new QueryString("?family=O%27Brien&ward=cardiology&from=2024-05-01");
        UntrustedValues values = await RequestValueCapture.CaptureAsync(_context.Request, _capture, default);
        using (RaspRequestScope.Begin(values))
        {
            _guard.CheckSql(Statement, SqlDialect.SqlServer);
        }
    }
}
