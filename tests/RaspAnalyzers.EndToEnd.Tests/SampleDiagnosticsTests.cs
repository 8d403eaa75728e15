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
    // Each demonstration: the file, a fragment that occurs once in it, and the expression inside that fragment where
    // the diagnostic starts (the SQL text at a direct sink, the argument at the call that leads to one).
    private static readonly (string File, string Fragment, string Expression)[] Demonstrations =
    [
        ("Controllers/PatientsController.cs",
            "command.CommandText = PatientRows.SelectColumns + \" WHERE FamilyName = '\" + name + \"'\";",
            "PatientRows.SelectColumns"),
        ("Controllers/ClinicalNotesController.cs", "notes.SearchRaw(request.Text)", "request.Text"),
        ("Controllers/AppointmentsController.cs",
            "appointments.CancelRaw(request.AppointmentId, request.Reason)", "request.Reason"),
        ("Endpoints/AppointmentEndpoints.cs",
            "connection.Query<Appointment>($\"{SelectAppointments} WHERE Clinic = '{clinic}' ORDER BY Id\")",
            "$\"{SelectAppointments}"),
        ("Endpoints/PatientLookupEndpoints.cs", "new SqliteCommand(sql, connection)", "sql"),
    ];

    [Fact]
    public async Task Building_the_sample_reports_RASP1001_exactly_at_the_deliberate_demonstrations()
    {
        using var scratch = new ScratchDirectory("sample");
        var log = scratch.Combine("ehrportal.sarif");

        // Built into its own artifacts folder, so it never races the solution build that runs these tests.
        var build = await DotnetCommand.RunAsync(
            RepositoryLayout.Root,
            "build", RepositoryLayout.SampleProject,
            "--artifacts-path", scratch.Combine("artifacts"),
            "-p:ErrorLog=" + log + "%2Cversion=2.1",
            "-p:ContinuousIntegrationBuild=false",
            "-nodeReuse:false", "--disable-build-servers", "-tl:off");

        Assert.True(build.ExitCode == 0, build.Describe());
        var reported = SarifLog.Read(log)
            .Where(result => result.RuleId.StartsWith("RASP", StringComparison.Ordinal))
            .Select(result => (result.RuleId, result.Level, Spot: Relative(result.Location)))
            .OrderBy(result => result.Spot.Path, StringComparer.Ordinal)
            .ThenBy(result => result.Spot.Line)
            .ToArray();
        var expected = Demonstrations
            .Select(demo => (RuleId: "RASP1001", Level: "warning", Spot: Locate(demo)))
            .OrderBy(result => result.Spot.Path, StringComparer.Ordinal)
            .ThenBy(result => result.Spot.Line)
            .ToArray();
        Assert.Equal(expected, reported);
    }

    private static SourceSpot Relative(SourceSpot spot) =>
        spot with { Path = Path.GetRelativePath(RepositoryLayout.SampleDirectory, spot.Path).Replace('\\', '/') };

    private static SourceSpot Locate((string File, string Fragment, string Expression) demonstration)
    {
        var (file, fragment, expression) = demonstration;
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.SampleDirectory, file));
        var matches = Enumerable.Range(0, lines.Length)
            .Where(index => lines[index].Contains(fragment, StringComparison.Ordinal))
            .ToArray();
        if (matches.Length != 1)
        {
            throw new InvalidOperationException(
                $"{file} must hold '{fragment}' on exactly one line, not on {matches.Length}.");
        }

        var line = lines[matches[0]];
        var column = line.IndexOf(fragment, StringComparison.Ordinal)
            + fragment.IndexOf(expression, StringComparison.Ordinal);
        return new SourceSpot(file, matches[0] + 1, column + 1);
    }
}
