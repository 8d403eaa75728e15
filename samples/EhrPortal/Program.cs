using EhrPortal.Data;
using EhrPortal.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddSingleton<PortalDatabase>();
builder.Services.AddDbContext<EhrPortalDbContext>(
    (services, options) => options.UseSqlite(services.GetRequiredService<PortalDatabase>().ConnectionString));
builder.Services.AddScoped<ClinicalNoteRepository>();
builder.Services.AddScoped<IAppointmentRepository, AppointmentRepository>();

var app = builder.Build();

PortalSeedData.EnsureSeeded(app.Services);

app.MapControllers();
app.MapAppointmentEndpoints();
app.MapPatientLookupEndpoints();

app.Run();
