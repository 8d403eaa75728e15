using Microsoft.EntityFrameworkCore;

namespace EhrPortal.Data;

/// <summary>Appointment changes over EF Core.</summary>
public sealed class AppointmentRepository(EhrPortalDbContext context) : IAppointmentRepository
{
    /// <summary>
    /// Deliberately vulnerable, a demonstration of RASP1001 across a method call: <paramref name="reason"/> becomes
    /// part of the SQL text of ExecuteSqlRaw, so a reason of <c>x' WHERE 1=1 --</c> cancels every appointment.
    /// RaspAnalyzers reports it where request data is passed in (AppointmentsController.Cancel, which calls it
    /// through <see cref="IAppointmentRepository"/>).
    /// <see cref="Cancel"/> is the fix.
    /// </summary>
    public int CancelRaw(int appointmentId, string reason)
    {
        // EF Core's EF1003 flags any concatenation here, wherever the text comes from; the demonstration keeps the
        // pattern so that RASP1001 can show the request flow that makes it exploitable.
#pragma warning disable EF1003
        return context.Database.ExecuteSqlRaw(
            "UPDATE Appointments SET Status = 'cancelled', CancellationReason = '" + reason + "' WHERE Id = "
            + appointmentId);
#pragma warning restore EF1003
    }

    /// <summary>Cancels one appointment; ExecuteSql turns each hole into a parameter.</summary>
    public int Cancel(int appointmentId, string reason) =>
        context.Database.ExecuteSql(
            $"UPDATE Appointments SET Status = 'cancelled', CancellationReason = {reason} WHERE Id = {appointmentId}");
}
