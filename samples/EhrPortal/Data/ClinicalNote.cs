using System;
using RaspAnalyzers;

namespace EhrPortal.Data;

/// <summary>A free-text note a clinician wrote about a patient.</summary>
public sealed class ClinicalNote
{
    public int Id { get; set; }

    public int PatientId { get; set; }

    public string Author { get; set; } = "";

    public DateTime WrittenAt { get; set; }

    [PhiSensitive(Identifier = "clinical note")]
    public string Body { get; set; } = "";
}
