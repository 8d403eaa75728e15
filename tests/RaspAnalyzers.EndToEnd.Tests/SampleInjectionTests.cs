using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace RaspAnalyzers.EndToEnd.Tests;

/// <summary>
/// The flaws RASP1001 reports in the sample are real: a classic injection payload sent over HTTP to the running
/// portal dumps every row through each vulnerable endpoint, and finds nothing through its safe twin.
/// </summary>
public sealed class SampleInjectionTests : IDisposable
{
    private const string Tautology = "' OR '1'='1";

    private const string SafeClinicQuery = "/api/appointments/by-clinic-safe?clinic=";

    private static readonly string[] EveryMedicalRecordNumber =
        ["MRN-100001", "MRN-100002", "MRN-100003", "MRN-100004", "MRN-100005", "MRN-100006"];

    private readonly EhrPortalHost _portal = new();

    private readonly HttpClient _client;

    public SampleInjectionTests() => _client = _portal.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _portal.Dispose();
    }

    [Fact]
    public async Task The_portal_creates_and_seeds_its_database_at_the_configured_path()
    {
        var patient = await _client.GetFromJsonAsync<PatientRow>("/api/patients/5");

        Assert.Equal(new PatientRow(5, "MRN-100005", "Hana", "Kobayashi", "1945-08-30"), patient);
        Assert.True(File.Exists(_portal.DatabasePath), _portal.DatabasePath);
    }

    [Fact]
    public async Task Concatenated_patient_search_returns_every_patient_for_a_tautology()
    {
        var patients = await GetAsync<PatientRow[]>("/api/patients/search?name=", Tautology);

        Assert.Equal(EveryMedicalRecordNumber, patients.Select(p => p.MedicalRecordNumber));
    }

    [Fact]
    public async Task Parameterized_patient_search_matches_the_tautology_literally_and_finds_nobody()
    {
        var tautology = await GetAsync<PatientRow[]>("/api/patients/search-safe?name=", Tautology);
        var okafor = await GetAsync<PatientRow[]>("/api/patients/search-safe?name=", "Okafor");

        Assert.Empty(tautology);
        Assert.Equal(["MRN-100001", "MRN-100006"], okafor.Select(p => p.MedicalRecordNumber));
    }

    [Fact]
    public async Task Formatted_record_number_lookup_returns_every_patient_for_a_tautology()
    {
        var patients = await GetAsync<PatientRow[]>("/api/lookup/by-mrn?mrn=", Tautology);

        Assert.Equal(EveryMedicalRecordNumber, patients.Select(p => p.MedicalRecordNumber));
    }

    [Fact]
    public async Task Parameterized_record_number_lookup_finds_nobody_for_the_tautology()
    {
        var tautology = await GetAsync<PatientRow[]>("/api/lookup/by-mrn-safe?mrn=", Tautology);
        var exact = await GetAsync<PatientRow[]>("/api/lookup/by-mrn-safe?mrn=", "MRN-100004");

        Assert.Empty(tautology);
        Assert.Equal(["MRN-100004"], exact.Select(p => p.MedicalRecordNumber));
    }

    [Fact]
    public async Task Interpolated_Dapper_query_returns_the_appointments_of_every_clinic_for_a_tautology()
    {
        var appointments = await GetAsync<AppointmentRow[]>("/api/appointments/by-clinic?clinic=", Tautology);

        Assert.Equal([1, 2, 3, 4, 5], appointments.Select(a => a.Id));
    }

    [Fact]
    public async Task Dapper_query_with_a_parameter_object_finds_no_clinic_for_the_tautology()
    {
        var tautology = await GetAsync<AppointmentRow[]>(SafeClinicQuery, Tautology);
        var endocrinology = await GetAsync<AppointmentRow[]>(SafeClinicQuery, "endocrinology");

        Assert.Empty(tautology);
        Assert.Equal([1, 5], endocrinology.Select(a => a.Id));
    }

    [Fact]
    public async Task FromSqlRaw_note_search_returns_every_note_for_a_tautology_in_the_body()
    {
        var notes = await PostAsync<NoteRow[]>("/api/notes/search", new { text = Tautology });

        Assert.Equal([1, 2, 3, 4], notes.Select(n => n.Id));
    }

    [Fact]
    public async Task FromSql_note_search_finds_no_note_for_the_tautology()
    {
        var tautology = await PostAsync<NoteRow[]>("/api/notes/search-safe", new { text = Tautology });
        var asthma = await PostAsync<NoteRow[]>("/api/notes/search-safe", new { text = "asthma" });

        Assert.Empty(tautology);
        Assert.Equal([3], asthma.Select(n => n.Id));
    }

    [Fact]
    public async Task ExecuteSqlRaw_cancellation_cancels_every_appointment_when_the_reason_ends_the_statement()
    {
        var outcome = await PostAsync<CancellationOutcome>(
            "/api/appointments/cancel", new { appointmentId = 2, reason = "x' WHERE 1=1 --" });

        Assert.Equal(new CancellationOutcome(5), outcome);
        var endocrinology = await GetAsync<AppointmentRow[]>(SafeClinicQuery, "endocrinology");
        Assert.Equal(
            [(1, "cancelled", "x"), (5, "cancelled", "x")],
            endocrinology.Select(a => (a.Id, a.Status, a.CancellationReason)));
    }

    [Fact]
    public async Task ExecuteSql_cancellation_cancels_one_appointment_and_keeps_the_reason_verbatim()
    {
        var outcome = await PostAsync<CancellationOutcome>(
            "/api/appointments/cancel-safe", new { appointmentId = 5, reason = "x' WHERE 1=1 --" });

        Assert.Equal(new CancellationOutcome(1), outcome);
        var endocrinology = await GetAsync<AppointmentRow[]>(SafeClinicQuery, "endocrinology");
        Assert.Equal(
            [(1, "booked", (string?)null), (5, "cancelled", "x' WHERE 1=1 --")],
            endocrinology.Select(a => (a.Id, a.Status, a.CancellationReason)));
    }

    private async Task<T> GetAsync<T>(string pathAndQueryName, string value)
    {
        using var response = await _client.GetAsync(pathAndQueryName + Uri.EscapeDataString(value));
        return await ReadAsync<T>(response);
    }

    private async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body);
        return await ReadAsync<T>(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private sealed record PatientRow(
        int Id, string MedicalRecordNumber, string GivenName, string FamilyName, string BirthDate);

    private sealed record AppointmentRow(
        int Id, int PatientId, string Clinic, string Status, string? CancellationReason);

    private sealed record NoteRow(int Id, int PatientId, string Author);

    private sealed record CancellationOutcome(int Changed);
}
