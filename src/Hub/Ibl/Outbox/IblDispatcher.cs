using System.Collections.Concurrent;
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
/// <remarks>
/// Wolverine's durable local queue holds at most 10,000 messages in memory and a send into a full one waits for room.
/// IBL handlers send into the queue they are served from, so with the queue full every handler would wait for room
/// only a handler can make: the hub stalled with 10,000 requests placed at once. So a hand-over waits at most
/// <see cref="HandOverWait"/>; a send still waiting then finishes in the background (the message is already stored in
/// the inbox) and its outbox row is deleted when it does. Such rows are not handed over again meanwhile.
/// </remarks>
public sealed class IblDispatcher(IWolverineRuntime runtime, IblStore store, IblScheduler scheduler, ILogger<IblDispatcher> logger)
{
    /// <summary>How long a hand-over waits for the bus before it goes on in the background.</summary>
    public static readonly TimeSpan HandOverWait = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, byte> _inBackground = new(StringComparer.Ordinal);

    /// <summary>Hand-overs still waiting for room in the bus.</summary>
    public int InBackground => _inBackground.Count;

    /// <summary>Hands <paramref name="entries"/> to the bus.</summary>
    public async Task DispatchAsync(IReadOnlyList<IblOutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        var bus = new MessageBus(runtime);
        var taken = new List<string>(entries.Count);
        var deadline = Task.Delay(HandOverWait, cancellationToken);
        try
        {
            foreach (var entry in entries)
            {
                if (!_inBackground.TryAdd(entry.Id, 0)) continue; // an earlier hand-over of this row is still waiting
                Task send;
                try
                {
                    send = entry.Message is IblTimerDue timer ? scheduler.ScheduleAsync(bus, timer).AsTask() : bus.SendAsync(entry.Message).AsTask();
                }
                catch (Exception)
                {
                    _inBackground.TryRemove(entry.Id, out _);
                    throw;
                }
                if (await Task.WhenAny(send, deadline) != send)
                {
                    _ = FinishInBackgroundAsync(entry.Id, send);
                    continue;
                }
                _inBackground.TryRemove(entry.Id, out _);
                await send;
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

    private async Task FinishInBackgroundAsync(string id, Task send)
    {
        try
        {
            await send;
            await store.DeleteOutboxAsync([id], CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Handing IBL message {Id} to the bus failed in the background; the outbox sweep hands it over again", id);
        }
        finally
        {
            _inBackground.TryRemove(id, out _);
        }
    }
}
