namespace Lsb.Hub.HoldingsSync.Scheduling;

/// <summary>
/// The clock of holdings synchronisation (cut times, business days, sweeps), separate from the hub's own
/// <see cref="TimeProvider"/> so a test can move "days" forward without stalling ingest polling. Register an instance
/// BEFORE the hub's registrations to replace the system clock (the hub adds it with TryAdd).
/// </summary>
public sealed class HoldingsSyncClock(TimeProvider time)
{
    /// <summary>The underlying time provider.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Now.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();
}
