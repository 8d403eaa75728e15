using Microsoft.EntityFrameworkCore;

namespace RaspAnalyzers.Guards.Tests;

public sealed class Patient
{
    public int Id { get; set; }

    public string Family { get; set; } = string.Empty;

    public string Given { get; set; } = string.Empty;
}

public sealed class ClinicDb(DbContextOptions<ClinicDb> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Patient>().ToTable("patients").Property(p => p.Id).HasColumnName("id");
}
