using System;

namespace EhrPortal.Data;

/// <summary>A booked visit of a patient at one of the clinics.</summary>
public sealed class Appointment
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";

    public int Id { get; set; }

    public int PatientId { get; set; }

    public string Clinic { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public string Status { get; set; } = Booked;

    public string? CancellationReason { get; set; }
}
