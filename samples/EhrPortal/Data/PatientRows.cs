using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EhrPortal.Data;

/// <summary>Reads patients from ADO.NET commands whose SQL starts with <see cref="SelectColumns"/>.</summary>
public static class PatientRows
{
    public const string SelectColumns =
        "SELECT Id, MedicalRecordNumber, GivenName, FamilyName, BirthDate, Phone FROM Patients";

    public static List<Patient> Read(SqliteCommand command)
    {
        var patients = new List<Patient>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            patients.Add(new Patient
            {
                Id = reader.GetInt32(0),
                MedicalRecordNumber = reader.GetString(1),
                GivenName = reader.GetString(2),
                FamilyName = reader.GetString(3),
                // EF Core stores a DateOnly as ISO 8601 text in SQLite.
                BirthDate = DateOnly.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Phone = reader.GetString(5),
            });
        }

        return patients;
    }
}
