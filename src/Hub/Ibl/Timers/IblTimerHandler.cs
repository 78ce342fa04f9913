using Lsb.Hub.Ibl.Process;
using Wolverine;

namespace Lsb.Hub.Ibl.Timers;

/// <summary>Wolverine handler of <see cref="IblTimerDue"/>: fires a due timer into the process, or sleeps again.</summary>
public sealed class IblTimerHandler(IblProcess process, IblScheduler scheduler)
{
    /// <summary>Fires or reschedules the timer.</summary>
    public async Task Handle(IblTimerDue timer, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (!scheduler.IsDue(timer))
        {
            // Rescheduled through the handler's own context: stored with this message's completion, so never lost.
            await scheduler.ScheduleAsync(context, timer);
            return;
        }
        await process.ApplyAsync(timer.RequestId, new TimerFired(timer.Kind, timer.Token), cancellationToken);
    }
}
