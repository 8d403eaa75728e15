using System.Collections.Generic;
using System.Linq;
using Dapper;
using EhrPortal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using RaspAnalyzers;

namespace EhrPortal.Endpoints;

/// <summary>Appointment look-ups as minimal APIs with lambda handlers, over Dapper.</summary>
public static class AppointmentEndpoints
{
    private const string SelectAppointments =
        "SELECT Id, PatientId, Clinic, StartsAt, Status, CancellationReason FROM Appointments";

    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(
            "/api/appointments/by-clinic",
            [EhrEndpoint("Appointment", EhrAction.Search)]
            (string clinic, PortalDatabase database) =>
            {
                using var connection = database.OpenConnection();

                // Deliberately vulnerable, a demonstration of RASP1001: the handler's query parameter is interpolated
                // into the SQL text that Dapper runs, so clinic=' OR '1'='1 lists the appointments of every clinic.
                return connection.Query<Appointment>($"{SelectAppointments} WHERE Clinic = '{clinic}' ORDER BY Id")
                    .ToList();
            });

        routes.MapGet(
            "/api/appointments/by-clinic-safe",
            [EhrEndpoint("Appointment", EhrAction.Search)]
            (string clinic, PortalDatabase database) =>
            {
                using var connection = database.OpenConnection();

                // The fix: Dapper sends the members of the parameter object as SQL parameters.
                return connection.Query<Appointment>(SelectAppointments + " WHERE Clinic = @clinic ORDER BY Id",
                    new { clinic }).ToList();
            });

        return routes;
    }
}
