using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Runtime;
using Wolverine.Transports;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Receives from a queue or subscription in peek-lock mode and hands the messages to Wolverine. A delivery is settled
/// exactly once: completed when Wolverine says so (durable: once the inbox holds it; inline: once the handler
/// succeeded or the failure was stored), abandoned when Wolverine defers it. Until then its lock is renewed. A node
/// that dies holds its locks only until they expire; then the broker delivers the messages to another node.
/// Failures are NEVER dead-lettered on the broker (this listener does not offer a native dead-letter queue), so
/// Wolverine stores them in its dead-letter table; what the broker dead-letters on its own is drained into the same
/// table by <see cref="DeadLetterDrain"/>.
/// </summary>
internal sealed class ServiceBusListener : IListener, ISupportNativeScheduling
{
    private readonly AzureServiceBusEndpoint _endpoint;
    private readonly IServiceBusReceiverSeam _seam;
    private readonly IReceiver _receiver;
    private readonly IServiceBusEnvelopeMapper _mapper;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LockRenewer _locks;
    private readonly DeadLetterDrain? _drain;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _receiving;
    private int _requeues;

    public ServiceBusListener(AzureServiceBusEndpoint endpoint, IServiceBusReceiverSeam seam, IReceiver receiver,
        IServiceBusEnvelopeMapper mapper, IWolverineRuntime runtime, ILogger<ServiceBusListener> logger)
    {
        _endpoint = endpoint;
        _seam = seam;
        _receiver = receiver;
        _mapper = mapper;
        _logger = logger;
        _time = endpoint.Parent.TimeProvider;
        _locks = new LockRenewer(_time, endpoint.Parent.MaxLockRenewalDuration, logger);
        if (endpoint.Parent.DrainDeadLetters)
            _drain = new DeadLetterDrain(endpoint, endpoint.Parent.Client.CreateReceiver(seam.Entity, deadLetterSubQueue: true), mapper, runtime, logger);
    }

    public Uri Address => _endpoint.Uri;

    public IHandlerPipeline? Pipeline => _receiver.Pipeline;

    /// <summary>Native rescheduling of a retry is used only where nothing else holds the message (inline queues): the
    /// copy is scheduled on the queue, then the original completed. Durable endpoints reschedule in the inbox.</summary>
    public bool NativeSchedulingEnabled => _endpoint.Mode == EndpointMode.Inline && _endpoint is AzureServiceBusQueue;

    public void Start()
    {
        _locks.Start();
        _drain?.Start();
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    private async Task ReceiveLoopAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedServiceBusMessage> messages;
            try
            {
                messages = await _seam.ReceiveAsync(_endpoint.MaximumMessagesToReceive, _endpoint.MaximumWaitTime, _stopping.Token);
                failures = 0;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                _logger.LogError(e, "Receiving from Azure Service Bus {Entity} failed (attempt {Attempt}); retrying", _seam.Entity, failures);
                await DelayAsync(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * failures * failures)));
                continue;
            }
            if (messages.Count > 0) await HandOnAsync(messages);
        }
    }

    private async Task HandOnAsync(IReadOnlyList<ReceivedServiceBusMessage> messages)
    {
        var now = _time.GetUtcNow();
        var envelopes = new List<Envelope>(messages.Count);
        foreach (var message in messages)
        {
            var envelope = new ServiceBusEnvelope(message, _seam, now);
            try
            {
                _mapper.MapIncomingToEnvelope(envelope, message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError(e, "Message {MessageId} from {Entity} is not a readable Wolverine envelope; dead-lettering it (it goes on to the failed-message store)",
                    message.MessageId, _seam.Entity);
                if (envelope.TrySettle())
                    await SettleAsync(envelope, "dead-letter", ct => _seam.DeadLetterAsync(message, "UnreadableMessage", e.Message, ct));
                continue;
            }
            _locks.Track(envelope);
            envelopes.Add(envelope);
        }
        if (envelopes.Count == 0) return;
        try
        {
            if (_endpoint.Mode == EndpointMode.Inline)
                foreach (var envelope in envelopes) await _receiver.ReceivedAsync(this, envelope);
            else
                await _receiver.ReceivedAsync(this, [.. envelopes]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "Wolverine refused {Count} messages from {Entity}; abandoning them so they come again", envelopes.Count, _seam.Entity);
            foreach (var envelope in envelopes) await DeferAsync(envelope);
        }
    }

    public async ValueTask CompleteAsync(Envelope envelope)
    {
        if (envelope is not ServiceBusEnvelope delivery || !delivery.TrySettle()) return;
        _locks.Untrack(delivery);
        await SettleAsync(delivery, "complete", ct => delivery.Receiver.CompleteAsync(delivery.Delivery, ct));
    }

    public async ValueTask DeferAsync(Envelope envelope)
    {
        if (envelope is not ServiceBusEnvelope delivery || !delivery.TrySettle()) return;
        _locks.Untrack(delivery);
        await SettleAsync(delivery, "abandon", ct => delivery.Receiver.AbandonAsync(delivery.Delivery, ct));
    }

    /// <summary>Puts a queue message at the back of its queue: a copy is sent, then the original completed.</summary>
    public async Task<bool> TryRequeueAsync(Envelope envelope)
    {
        if (_endpoint is not AzureServiceBusQueue || envelope is not ServiceBusEnvelope delivery) return false;
        await SendCopyAsync(delivery, null, $"requeue-{Interlocked.Increment(ref _requeues)}");
        await CompleteAsync(delivery);
        return true;
    }

    /// <summary>Schedules the retry of an inline queue message on the broker (ScheduledEnqueueTime), then completes the
    /// original. A crash in between delivers the message twice: at least once, as everywhere else.</summary>
    public async Task MoveToScheduledUntilAsync(Envelope envelope, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope is not ServiceBusEnvelope delivery) return;
        await SendCopyAsync(delivery, time, $"retry-{envelope.Attempts}");
        await CompleteAsync(delivery);
    }

    private async Task SendCopyAsync(ServiceBusEnvelope delivery, DateTimeOffset? at, string suffix)
    {
        var copy = new OutgoingServiceBusMessage();
        _mapper.MapEnvelopeToOutgoing(delivery, copy);
        // A new broker id, or duplicate detection would drop the copy; the envelope id before ':' stays the same.
        copy.MessageId = $"{delivery.Id}:{suffix}";
        copy.ScheduledEnqueueTime = at;
        await _endpoint.Parent.Client.CreateSender(((AzureServiceBusQueue)_endpoint).QueueName).SendAsync([copy], CancellationToken.None);
    }

    private async Task SettleAsync(ServiceBusEnvelope delivery, string operation, Func<CancellationToken, Task> settle)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await settle(CancellationToken.None);
                return;
            }
            catch (ServiceBusLockLostException)
            {
                _logger.LogInformation("Could not {Operation} message {MessageId} from {Entity}: its lock was lost, so the broker delivers it again (the inbox drops the copy if it was stored)",
                    operation, delivery.Delivery.MessageId, _seam.Entity);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException && attempt < 3)
            {
                _logger.LogWarning(e, "Could not {Operation} message {MessageId} from {Entity} (attempt {Attempt}); retrying", operation, delivery.Delivery.MessageId, _seam.Entity, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError(e, "Could not {Operation} message {MessageId} from {Entity}; the broker delivers it again when its lock expires",
                    operation, delivery.Delivery.MessageId, _seam.Entity);
                return;
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Stops receiving; deliveries already handed on can still be settled.</summary>
    public async ValueTask StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        if (_receiving is not null) await _receiving;
    }

    /// <summary>Stops, abandons what is still unsettled (so another node gets it at once rather than after the lock
    /// expires) and closes the receivers.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var delivery in _locks.InFlight) await DeferAsync(delivery);
        await _locks.DisposeAsync();
        if (_drain is not null) await _drain.DisposeAsync();
        await _seam.DisposeAsync();
        _stopping.Dispose();
    }
}
