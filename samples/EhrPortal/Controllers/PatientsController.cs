using System.Collections.Generic;
using EhrPortal.Data;
using Microsoft.AspNetCore.Mvc;
using RaspAnalyzers;

namespace EhrPortal.Controllers;

/// <summary>Patient search and look-up over raw ADO.NET (Microsoft.Data.Sqlite).</summary>
[ApiController]
[Route("api/patients")]
public sealed class PatientsController(PortalDatabase database) : ControllerBase
{
    /// <summary>Finds patients by family name.</summary>
    [HttpGet("search")]
    [EhrEndpoint("Patient", EhrAction.Search)]
    public ActionResult<List<Patient>> Search([FromQuery] string name)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();

        // Deliberately vulnerable, a demonstration of RASP1001: the query parameter is pasted into the SQL text, so
        // name=' OR '1'='1 lists every patient in the database. SearchSafe below is the fix.
        command.CommandText = PatientRows.SelectColumns + " WHERE FamilyName = '" + name + "'";

        return PatientRows.Read(command);
    }

    /// <summary>Finds patients by family name; the name travels as a parameter, never as SQL.</summary>
    [HttpGet("search-safe")]
    [EhrEndpoint("Patient", EhrAction.Search)]
    public ActionResult<List<Patient>> SearchSafe([FromQuery] string name)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();

        command.CommandText = PatientRows.SelectColumns + " WHERE FamilyName = $name";
        command.Parameters.AddWithValue("$name", name);

        return PatientRows.Read(command);
    }

    /// <summary>
    /// Reads one patient. The id is bound as an int, which cannot carry SQL, so concatenating it is safe.
    /// </summary>
    [HttpGet("{id:int}")]
    [EhrEndpoint("Patient", EhrAction.Read)]
    public ActionResult<Patient> Get(int id)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();

        command.CommandText = PatientRows.SelectColumns + " WHERE Id = " + id;

        var patients = PatientRows.Read(command);
        return patients.Count == 1 ? patients[0] : NotFound();
    }
}
