using System;
using RaspAnalyzers;

namespace EhrPortal.Data;

/// <summary>A patient registered with the portal. Every member but the surrogate key is PHI.</summary>
public sealed class Patient
{
    public int Id { get; set; }

    [PhiSensitive(Identifier = "medical record number")]
    public string MedicalRecordNumber { get; set; } = "";

    [PhiSensitive(Identifier = "name")]
    public string GivenName { get; set; } = "";

    [PhiSensitive(Identifier = "name")]
    public string FamilyName { get; set; } = "";

    [PhiSensitive(Identifier = "date of birth")]
    public DateOnly BirthDate { get; set; }

    [PhiSensitive(Identifier = "telephone number")]
    public string Phone { get; set; } = "";
}
