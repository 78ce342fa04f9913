using Microsoft.Extensions.Options;
using Wolverine;

namespace Lsb.Hub.Ibl.Timers;

/// <summary>
/// Timers on Wolverine's durable scheduled messages (they survive restarts: they live in the message store, or on Azure
/// Service Bus on the broker as native scheduled messages). A timer
/// is due at a time of the IBL clock (<see cref="IblClock"/>); the bus schedules by its own clock. So the wake-up is
/// scheduled for the time left by the IBL clock, at most <see cref="IblTimerOptions.MaxSleep"/> ahead, and a wake-up
/// that finds the timer not yet due by the IBL clock schedules itself again. With the system clock a timer fires once,
/// on time; with a clock that jumps (the tests' fake clock) it fires within MaxSleep of the jump.
/// </summary>
public sealed class IblScheduler(IblClock clock, IOptions<IblOptions> options)
{
    /// <summary>True when <paramref name="timer"/> is due by the IBL clock.</summary>
    public bool IsDue(IblTimerDue timer) => timer is not null && clock.Now >= timer.DueAt;

    /// <summary>Schedules the next wake-up of <paramref name="timer"/> on <paramref name="bus"/> (now, if it is due).</summary>
    public ValueTask ScheduleAsync(IMessageBus bus, IblTimerDue timer)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(timer);
        var left = timer.DueAt - clock.Now;
        if (left <= TimeSpan.Zero) return bus.SendAsync(timer);
        var sleep = left < options.Value.Timers.MaxSleep ? left : options.Value.Timers.MaxSleep;
        return bus.ScheduleAsync(timer, sleep);
    }
}
