using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.HoldingsSync;

/// <summary>Configuration <c>HoldingsSync:Schedule</c>: when batches are cut.</summary>
public sealed class HoldingsSyncScheduleOptions
{
    /// <summary>Local time of day of the daily cut (default 02:00).</summary>
    public TimeOnly CutOffTime { get; set; } = new(2, 0);

    /// <summary>The time zone of <see cref="CutOffTime"/> and of business days (IANA id).</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Time between cuts: one day in production; shorter in the sandbox (cuts are then aligned on the cut-off time).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "HoldingsSync:Schedule:Interval must be between 1 second and 7 days.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often undelivered batches and unescalated rejections are looked for (crash recovery).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "HoldingsSync:Schedule:SweepInterval must be between 1 second and 1 day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A batch not delivered this long after its last attempt is queued for delivery again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "HoldingsSync:Schedule:StaleAfter must be between 1 second and 1 day.")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);
}
