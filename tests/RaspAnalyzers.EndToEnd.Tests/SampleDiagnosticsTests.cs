using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build samples/EhrPortal</c> reports RASP1001 on each deliberate demonstration and nowhere else: not on
/// the safe twins, not on the int-keyed look-up, not inside the repositories whose callers pass request data.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    private const string Advice = "; pass it as a parameter instead of building SQL text from it";

    // Each demonstration: where the diagnostic starts (the SQL text at a direct sink, the argument at the call that
    // leads to one) and the message it carries; for a call, also where the sink inside the callee is.
    private static readonly Demonstration[] Demonstrations =
    [
        new(new Marker(
                "Controllers/PatientsController.cs",
                "command.CommandText = PatientRows.SelectColumns + \" WHERE FamilyName = '\" + name + \"'\";",
                "PatientRows.SelectColumns"),
            "SQL injection: query parameter 'name' reaches the SQL text of 'SqliteCommand.CommandText'" + Advice),
        new(new Marker("Controllers/ClinicalNotesController.cs", "notes.SearchRaw(request.Text)", "request.Text"),
            "SQL injection: request body parameter 'request' reaches the SQL text of "
            + "'RelationalQueryableExtensions.FromSqlRaw' in 'ClinicalNoteRepository.SearchRaw'" + Advice,
            new Marker(
                "Data/ClinicalNoteRepository.cs",
                ".FromSqlRaw(\"SELECT * FROM ClinicalNotes WHERE Body LIKE '%\" + text + \"%'\")",
                "\"SELECT")),
        new(new Marker(
                "Controllers/AppointmentsController.cs",
                "appointments.CancelRaw(request.AppointmentId, request.Reason)",
                "request.Reason"),
            "SQL injection: request body parameter 'request' reaches the SQL text of "
            + "'RelationalDatabaseFacadeExtensions.ExecuteSqlRaw' in 'AppointmentRepository.CancelRaw'" + Advice,
            new Marker(
                "Data/AppointmentRepository.cs",
                "\"UPDATE Appointments SET Status = 'cancelled', CancellationReason = '\" + reason",
                "\"UPDATE")),
        new(new Marker(
                "Endpoints/AppointmentEndpoints.cs",
                "connection.Query<Appointment>($\"{SelectAppointments} WHERE Clinic = '{clinic}' ORDER BY Id\")",
                "$\"{SelectAppointments}"),
            "SQL injection: query parameter 'clinic' reaches the SQL text of 'SqlMapper.Query'" + Advice),
        new(new Marker("Endpoints/PatientLookupEndpoints.cs", "new SqliteCommand(sql, connection)", "sql"),
            "SQL injection: query string value 'mrn' reaches the SQL text of 'new SqliteCommand'" + Advice),
    ];

    [Fact]
    public async Task Building_the_sample_reports_RASP1001_exactly_at_the_deliberate_demonstrations()
    {
        var (build, results) = await BuildSampleAsync();

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Equal(Expected("warning"), Reported(results));
        foreach (var demonstration in Demonstrations.Where(d => d.InnerSink is not null))
        {
            var atCall = results.First(r => Relative(r.Location) == Locate(demonstration.At));
            Assert.Contains(Locate(demonstration.InnerSink!), atCall.RelatedLocations.Select(Relative));
        }
    }

    [Fact]
    public async Task Building_the_sample_with_the_ci_preset_fails_on_exactly_the_same_demonstrations()
    {
        var (build, results) = await BuildSampleAsync("-p:RaspAnalyzersPreset=ci");

        Assert.True(build.ExitCode == 1, build.Describe());
        Assert.Equal(Expected("error"), Reported(results));
    }

    private static async Task<(CommandResult Build, SarifResult[] Results)> BuildSampleAsync(
        params string[] extraArguments)
    {
        using var scratch = new ScratchDirectory("sample");
        var log = scratch.Combine("ehrportal.sarif");

        // Built into its own artifacts folder, so it never races the solution build that runs these tests.
        var build = await DotnetCommand.RunAsync(
            RepositoryLayout.Root,
            [
                "build", RepositoryLayout.SampleProject,
                "--artifacts-path", scratch.Combine("artifacts"),
                "-p:ErrorLog=" + log + "%2Cversion=2.1",
                "-nodeReuse:false", "--disable-build-servers", "-tl:off",
                .. extraArguments,
            ]);

        var results = File.Exists(log)
            ? SarifLog.Read(log).Where(r => r.RuleId.StartsWith("RASP", StringComparison.Ordinal)).ToArray()
            : [];
        return (build, results);
    }

    // Compared as a set: the analyzer reports the flow inside a method-group handler twice, once for the method and
    // once for the Map call that names it, which shows as two identical warnings in the build and the IDE.
    private static (string RuleId, string Level, SourceSpot Spot, string Message)[] Reported(SarifResult[] results) =>
        results
            .Select(r => (r.RuleId, r.Level, Spot: Relative(r.Location), r.Message))
            .Distinct()
            .OrderBy(r => r.Spot.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Spot.Line)
            .ToArray();

    private static (string RuleId, string Level, SourceSpot Spot, string Message)[] Expected(string level) =>
        Demonstrations
            .Select(d => (RuleId: "RASP1001", Level: level, Spot: Locate(d.At), d.Message))
            .OrderBy(r => r.Spot.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Spot.Line)
            .ToArray();

    private static SourceSpot Relative(SourceSpot spot) =>
        spot with { Path = Path.GetRelativePath(RepositoryLayout.SampleDirectory, spot.Path).Replace('\\', '/') };

    private static SourceSpot Locate(Marker marker)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.SampleDirectory, marker.File));
        var matches = Enumerable.Range(0, lines.Length)
            .Where(index => lines[index].Contains(marker.Fragment, StringComparison.Ordinal))
            .ToArray();
        if (matches.Length != 1)
        {
            throw new InvalidOperationException(
                $"{marker.File} must hold '{marker.Fragment}' on exactly one line, not on {matches.Length}.");
        }

        var column = lines[matches[0]].IndexOf(marker.Fragment, StringComparison.Ordinal)
            + marker.Fragment.IndexOf(marker.Expression, StringComparison.Ordinal);
        return new SourceSpot(marker.File, matches[0] + 1, column + 1);
    }

    /// <summary>An expression in a sample file, found by a fragment of code that occurs once in the file.</summary>
    private sealed record Marker(string File, string Fragment, string Expression);

    private sealed record Demonstration(Marker At, string Message, Marker? InnerSink = null);
}
