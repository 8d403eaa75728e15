using BenchmarkDotNet.Attributes;
using RaspAnalyzers.Guards;

namespace RaspAnalyzers.Benchmarks;

/// <summary>Time and allocation of one detector call, for the budget of a 200-character statement.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DetectorBenchmarks
{
    // 205 characters, parameterized: the untrusted values travel as parameters and never reach the text.
    private const string ParameterizedStatement =
        "SELECT p.id, p.family, p.given, p.birth_date, e.admitted_at, e.ward FROM patients p JOIN encounters e ON " +
        "e.patient_id = p.id WHERE p.family = @family AND p.active = 1 AND e.ward = @ward ORDER BY e.admitted_at DESC";

    // About 200 characters with two of the values inside literals: the detector has to tokenize and judge them.
    private const string LiteralStatement =
        "SELECT p.id, p.family, p.given, p.birth_date, e.admitted_at FROM patients p JOIN encounters e ON " +
        "e.patient_id = p.id WHERE p.family = 'O''Brien' AND e.ward = 'cardiology' ORDER BY e.admitted_at DESC";

    private const string AttackStatement =
        "SELECT p.id, p.family, p.given FROM patients p WHERE p.family = '' OR '1'='1' AND p.active = 1 ORDER BY p.family";

    private static readonly UntrustedValue[] Values =
    [
        new(RequestPart.Query, "family", "O'Brien"),
        new(RequestPart.Query, "ward", "cardiology"),
        new(RequestPart.Query, "from", "2024-05-01"),
        new(RequestPart.Cookie, "portal_auth", "c2Vzc2lvbi1pZC0xMjM0NTY3ODkw"),
    ];

    private static readonly UntrustedValue[] AttackValues = [new(RequestPart.Query, "family", "' OR '1'='1"), .. Values];

    private static readonly string[] Roots = ["/srv/ehr/documents"];

    private static readonly SsrfPolicy Policy = new(["fhir.example-hospital.org"], [], []);

    [Benchmark(Description = "SQL, clean, values only as parameters")]
    public bool SqlParameterized() => SqlInjectionDetector.Inspect(ParameterizedStatement, SqlDialect.SqlServer, Values).IsAttack;

    [Benchmark(Description = "SQL, clean, values inside literals")]
    public bool SqlInLiterals() => SqlInjectionDetector.Inspect(LiteralStatement, SqlDialect.SqlServer, Values).IsAttack;

    [Benchmark(Description = "SQL, tautology attack")]
    public bool SqlAttack() => SqlInjectionDetector.Inspect(AttackStatement, SqlDialect.SqlServer, AttackValues).IsAttack;

    [Benchmark(Description = "Path, clean file under the root")]
    public bool PathClean() =>
        PathTraversalDetector.Inspect("/srv/ehr/documents/cardiology/scan.v2.dcm", Values, PathStyle.Unix, Roots, "/app").IsAttack;

    [Benchmark(Description = "Command, clean shell line")]
    public bool CommandClean() =>
        CommandInjectionDetector.InspectShell(
            "/usr/local/bin/dicom-convert --input cardiology --format png",
            ShellDialect.PosixShell,
            Values).IsAttack;

    [Benchmark(Description = "SSRF, clean URL with a value in the query")]
    public bool SsrfClean() =>
        SsrfDetector.Inspect("https://fhir.example-hospital.org/r4/Encounter?location=cardiology", Values, Policy).IsAttack;
}
