using Lsb.Hub.Ibl.Storage;
using Lsb.Hub.Ibl.Timers;
using Wolverine.Runtime;

namespace Lsb.Hub.Ibl.Outbox;

/// <summary>
/// Hands outbox messages to the bus right after the transaction that decided them committed, then forgets them. A
/// message the bus did not take (a crash, a store error) stays in <c>ibl_outbox</c> and <see cref="IblOutboxSweeper"/>
/// hands it over later; the receiving handlers are idempotent, so a message handed over twice changes nothing twice.
/// Sends through a bus of its own (not a handler's context), so the hand-over does not wait for a handler to finish.
/// </summary>
public sealed class IblDispatcher(IWolverineRuntime runtime, IblStore store, IblScheduler scheduler, ILogger<IblDispatcher> logger)
{
    /// <summary>Hands <paramref name="entries"/> to the bus.</summary>
    public async Task DispatchAsync(IReadOnlyList<IblOutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        var bus = new MessageBus(runtime);
        var taken = new List<string>(entries.Count);
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Message is IblTimerDue timer) await scheduler.ScheduleAsync(bus, timer);
                else await bus.SendAsync(entry.Message);
                taken.Add(entry.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Handing {Count} IBL messages to the bus failed after {Taken}; the outbox sweep hands over the rest", entries.Count, taken.Count);
        }
        finally
        {
            if (taken.Count > 0) await store.DeleteOutboxAsync(taken, CancellationToken.None);
        }
    }
}
