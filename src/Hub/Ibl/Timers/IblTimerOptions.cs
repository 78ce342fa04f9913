using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Ibl.Timers;

/// <summary>Timeouts and reminders (<c>Ibl:Timers</c>).</summary>
public sealed class IblTimerOptions
{
    /// <summary>A lender that has not said WillSupply (or shipped) this long after the request reached it is passed over.</summary>
    public TimeSpan LenderAnswerTimeout { get; set; } = TimeSpan.FromDays(2);

    /// <summary>After this long without an answer the request is marked reminded on the lender's worklist (and an
    /// ISO 18626 lender gets a Notification).</summary>
    public TimeSpan LenderReminderAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A loan is overdue this long after its due date.</summary>
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The longest a timer's wake-up is scheduled ahead on the bus. A wake-up that finds its due time (by the hub's
    /// clock) not reached schedules itself again, so a clock that jumps (a corrected server clock; the fake clock of
    /// the tests) is noticed within this time. Default one hour.
    /// </summary>
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The validation errors of these settings.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (LenderAnswerTimeout < TimeSpan.FromSeconds(1) || LenderAnswerTimeout > TimeSpan.FromDays(60))
            yield return new ValidationResult("Ibl:Timers:LenderAnswerTimeout must be between 1 second and 60 days.");
        if (LenderReminderAfter <= TimeSpan.Zero || LenderReminderAfter >= LenderAnswerTimeout)
            yield return new ValidationResult("Ibl:Timers:LenderReminderAfter must be positive and shorter than Ibl:Timers:LenderAnswerTimeout.");
        if (OverdueGrace < TimeSpan.Zero || OverdueGrace > TimeSpan.FromDays(60))
            yield return new ValidationResult("Ibl:Timers:OverdueGrace must be between 0 and 60 days.");
        if (MaxSleep < TimeSpan.FromMilliseconds(50) || MaxSleep > TimeSpan.FromDays(1))
            yield return new ValidationResult("Ibl:Timers:MaxSleep must be between 50 ms and one day.");
    }
}
