namespace EhrPortal.Data;

/// <summary>
/// Appointment changes, as controllers see them through dependency injection. RaspAnalyzers follows a call through
/// this interface into <see cref="AppointmentRepository"/>, the implementation in this project.
/// </summary>
public interface IAppointmentRepository
{
    /// <summary>Cancels an appointment by building the SQL text from the reason; a deliberate demonstration.</summary>
    int CancelRaw(int appointmentId, string reason);

    /// <summary>Cancels an appointment with the reason sent as a parameter.</summary>
    int Cancel(int appointmentId, string reason);
}
