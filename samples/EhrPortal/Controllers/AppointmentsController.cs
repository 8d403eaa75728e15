using EhrPortal.Data;
using Microsoft.AspNetCore.Mvc;
using RaspAnalyzers;

namespace EhrPortal.Controllers;

/// <summary>The body of an appointment cancellation.</summary>
public sealed class AppointmentCancellation
{
    public int AppointmentId { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>Appointment changes, through the <see cref="IAppointmentRepository"/> the container provides.</summary>
[ApiController]
[Route("api/appointments")]
public sealed class AppointmentsController(IAppointmentRepository appointments) : ControllerBase
{
    /// <summary>
    /// Deliberately vulnerable, a demonstration of RASP1001: the reason from the JSON body reaches ExecuteSqlRaw
    /// inside the repository, called through its interface. The appointment id is an int and cannot carry SQL; the
    /// reason can.
    /// </summary>
    [HttpPost("cancel")]
    [EhrEndpoint("Appointment", EhrAction.Update)]
    public IActionResult Cancel([FromBody] AppointmentCancellation request)
    {
        var changed = appointments.CancelRaw(request.AppointmentId, request.Reason);
        return changed == 0 ? NotFound() : Ok(new { changed });
    }

    /// <summary>The fix: the repository's parameterized cancellation.</summary>
    [HttpPost("cancel-safe")]
    [EhrEndpoint("Appointment", EhrAction.Update)]
    public IActionResult CancelSafe([FromBody] AppointmentCancellation request)
    {
        var changed = appointments.Cancel(request.AppointmentId, request.Reason);
        return changed == 0 ? NotFound() : Ok(new { changed });
    }
}
