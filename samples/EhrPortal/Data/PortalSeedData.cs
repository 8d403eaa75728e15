using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace EhrPortal.Data;

/// <summary>
/// Creates the database on first run and fills it with a handful of fictional patients, notes and appointments.
/// None of these people exist.
/// </summary>
public static class PortalSeedData
{
    /// <summary>Creates the tables when the database file is new and seeds them when they are empty.</summary>
    public static void EnsureSeeded(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<EhrPortalDbContext>();

        context.Database.EnsureCreated();
        if (context.Patients.Any())
        {
            return;
        }

        context.Patients.AddRange(NewPatients());
        context.ClinicalNotes.AddRange(NewClinicalNotes());
        context.Appointments.AddRange(NewAppointments());
        context.SaveChanges();
    }

    private static Patient[] NewPatients() =>
    [
        new() { Id = 1, MedicalRecordNumber = "MRN-100001", GivenName = "Ada", FamilyName = "Okafor",
            BirthDate = new DateOnly(1958, 3, 14), Phone = "+1 555 0101" },
        new() { Id = 2, MedicalRecordNumber = "MRN-100002", GivenName = "Tomas", FamilyName = "Lindqvist",
            BirthDate = new DateOnly(1971, 11, 2), Phone = "+1 555 0102" },
        new() { Id = 3, MedicalRecordNumber = "MRN-100003", GivenName = "Priya", FamilyName = "Raman",
            BirthDate = new DateOnly(1989, 6, 27), Phone = "+1 555 0103" },
        new() { Id = 4, MedicalRecordNumber = "MRN-100004", GivenName = "Mateo", FamilyName = "Silva",
            BirthDate = new DateOnly(2004, 1, 9), Phone = "+1 555 0104" },
        new() { Id = 5, MedicalRecordNumber = "MRN-100005", GivenName = "Hana", FamilyName = "Kobayashi",
            BirthDate = new DateOnly(1945, 8, 30), Phone = "+1 555 0105" },
        new() { Id = 6, MedicalRecordNumber = "MRN-100006", GivenName = "Samuel", FamilyName = "Okafor",
            BirthDate = new DateOnly(1990, 12, 19), Phone = "+1 555 0106" },
    ];

    private static ClinicalNote[] NewClinicalNotes() =>
    [
        new() { Id = 1, PatientId = 1, Author = "dr.mensah", WrittenAt = new DateTime(2026, 10, 1, 9, 30, 0),
            Body = "Type 2 diabetes, HbA1c 7.9%. Increase metformin." },
        new() { Id = 2, PatientId = 2, Author = "dr.mensah", WrittenAt = new DateTime(2026, 10, 3, 14, 0, 0),
            Body = "Follow-up after knee arthroscopy, healing well." },
        new() { Id = 3, PatientId = 3, Author = "np.duarte", WrittenAt = new DateTime(2026, 10, 7, 11, 15, 0),
            Body = "Seasonal asthma, refilled inhaler." },
        new() { Id = 4, PatientId = 5, Author = "dr.hart", WrittenAt = new DateTime(2026, 10, 9, 16, 45, 0),
            Body = "Atrial fibrillation, on anticoagulation, INR 2.4." },
    ];

    private static Appointment[] NewAppointments() =>
    [
        new() { Id = 1, PatientId = 1, Clinic = "endocrinology", StartsAt = new DateTime(2026, 12, 7, 9, 0, 0) },
        new() { Id = 2, PatientId = 2, Clinic = "orthopedics", StartsAt = new DateTime(2026, 12, 7, 10, 30, 0) },
        new() { Id = 3, PatientId = 3, Clinic = "pulmonology", StartsAt = new DateTime(2026, 12, 8, 13, 0, 0) },
        new() { Id = 4, PatientId = 5, Clinic = "cardiology", StartsAt = new DateTime(2026, 12, 9, 8, 15, 0) },
        new() { Id = 5, PatientId = 6, Clinic = "endocrinology", StartsAt = new DateTime(2026, 12, 10, 15, 0, 0) },
    ];
}
