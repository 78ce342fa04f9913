using System.Collections.Concurrent;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Keeps the locks of a listener's unsettled deliveries alive while their handlers run, so a long handler (a slow ILS)
/// does not lose its message to another node. A lock is renewed when a third of its span is left; renewal stops after
/// <see cref="AzureServiceBusTransport.MaxLockRenewalDuration"/>, after which the broker gives the message to another
/// receiver (a hung handler must not hold a message for ever).
/// </summary>
internal sealed class LockRenewer(TimeProvider time, TimeSpan maxDuration, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<ServiceBusEnvelope, TimeSpan> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>The deliveries being renewed.</summary>
    public IReadOnlyCollection<ServiceBusEnvelope> InFlight => [.. _inFlight.Keys];

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Starts renewing a delivery's lock.</summary>
    public void Track(ServiceBusEnvelope envelope)
    {
        var span = envelope.Delivery.LockedUntil - envelope.DeliveredAt;
        _inFlight[envelope] = span > TimeSpan.Zero ? span : TimeSpan.FromSeconds(5);
    }

    /// <summary>Stops renewing (the delivery was settled).</summary>
    public void Untrack(ServiceBusEnvelope envelope) => _inFlight.TryRemove(envelope, out _);

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
                foreach (var (envelope, span) in _inFlight) await MaybeRenewAsync(envelope, span);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task MaybeRenewAsync(ServiceBusEnvelope envelope, TimeSpan span)
    {
        if (envelope.IsSettled)
        {
            Untrack(envelope);
            return;
        }
        var now = time.GetUtcNow();
        if (now - envelope.DeliveredAt >= maxDuration)
        {
            Untrack(envelope);
            logger.LogWarning("Message {MessageId} from {Entity} has been handled for {Elapsed} without finishing; its lock is no longer renewed and the broker will deliver it again",
                envelope.Delivery.MessageId, envelope.Receiver.Entity, now - envelope.DeliveredAt);
            return;
        }
        if (envelope.Delivery.LockedUntil - now > span / 3) return;
        try
        {
            await envelope.Receiver.RenewLockAsync(envelope.Delivery, _stopping.Token);
        }
        catch (ServiceBusLockLostException)
        {
            Untrack(envelope);
            if (!envelope.IsSettled)
                logger.LogWarning("Lost the lock on message {MessageId} from {Entity} while its handler ran; the broker delivers it again and the inbox drops the copy if it was already stored",
                    envelope.Delivery.MessageId, envelope.Receiver.Entity);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not renew the lock on message {MessageId} from {Entity}; trying again", envelope.Delivery.MessageId, envelope.Receiver.Entity);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null) await _loop;
        _stopping.Dispose();
    }
}
