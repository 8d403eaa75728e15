using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using EhrPortal.Data;
using RaspAnalyzers;

namespace EhrPortal.Endpoints;

/// <summary>
/// Patient look-up by medical record number, as minimal APIs with method-group handlers that read the query string
/// themselves.
/// </summary>
public static class PatientLookupEndpoints
{
    public static IEndpointRouteBuilder MapPatientLookupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/lookup/by-mrn", FindByMedicalRecordNumber);
        routes.MapGet("/api/lookup/by-mrn-safe", FindByMedicalRecordNumberSafe);
        return routes;
    }

    [EhrEndpoint("Patient", EhrAction.Read)]
    private static IResult FindByMedicalRecordNumber(HttpRequest request, PortalDatabase database)
    {
        string medicalRecordNumber = request.Query["mrn"].ToString();

        // Deliberately vulnerable, a demonstration of RASP1001: the query-string value is formatted into the SQL text
        // of a new SqliteCommand, so mrn=' OR '1'='1 returns every patient instead of one.
        var sql = string.Format(
            "{0} WHERE MedicalRecordNumber = '{1}'", PatientRows.SelectColumns, medicalRecordNumber);

        using var connection = database.OpenConnection();
        using var command = new SqliteCommand(sql, connection);
        return Results.Ok(PatientRows.Read(command));
    }

    [EhrEndpoint("Patient", EhrAction.Read)]
    private static IResult FindByMedicalRecordNumberSafe(HttpRequest request, PortalDatabase database)
    {
        string medicalRecordNumber = request.Query["mrn"].ToString();

        using var connection = database.OpenConnection();
        using var command = new SqliteCommand(
            PatientRows.SelectColumns + " WHERE MedicalRecordNumber = $mrn", connection);
        command.Parameters.AddWithValue("$mrn", medicalRecordNumber);
        return Results.Ok(PatientRows.Read(command));
    }
}
