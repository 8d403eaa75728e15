using Microsoft.EntityFrameworkCore;

namespace EhrPortal.Data;

/// <summary>The portal's tables, as EF Core sees them; ADO.NET and Dapper read the same tables by name.</summary>
public sealed class EhrPortalDbContext(DbContextOptions<EhrPortalDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<ClinicalNote> ClinicalNotes => Set<ClinicalNote>();

    public DbSet<Appointment> Appointments => Set<Appointment>();
}
