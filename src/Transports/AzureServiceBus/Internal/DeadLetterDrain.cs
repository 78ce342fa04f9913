using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Transports;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Moves what Azure Service Bus itself dead-letters (max delivery count exceeded, expired, unreadable) from an entity's
/// dead-letter sub-queue into Wolverine's dead-letter table, so administrators list and replay it like every other
/// failure. A message is completed in the sub-queue only after it is stored; if storing fails it is abandoned and comes
/// back. The broker's reason becomes the failure's exception type (e.g. <c>MaxDeliveryCountExceeded</c>).
/// </summary>
internal sealed class DeadLetterDrain(
    AzureServiceBusEndpoint endpoint,
    IServiceBusReceiverSeam deadLetters,
    IServiceBusEnvelopeMapper mapper,
    IWolverineRuntime runtime,
    ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var messages = await deadLetters.ReceiveAsync(20, endpoint.MaximumWaitTime, _stopping.Token);
                foreach (var message in messages) await RecoverAsync(message);
                failures = 0;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                logger.LogError(e, "Reading the dead-letter sub-queue of {Entity} failed; retrying", deadLetters.Entity);
                await DelayAsync(TimeSpan.FromMilliseconds(Math.Min(5000, 200 * failures)));
            }
        }
    }

    /// <summary>Stores one dead-lettered message in the failed-message store, then completes it.</summary>
    internal async Task RecoverAsync(ReceivedServiceBusMessage message)
    {
        var envelope = ToEnvelope(message);
        var exception = new DeadLetterRecoveredException(
            string.IsNullOrWhiteSpace(message.DeadLetterReason) ? "DeadLetteredByAzureServiceBus" : message.DeadLetterReason,
            string.IsNullOrWhiteSpace(message.DeadLetterErrorDescription)
                ? $"Azure Service Bus dead-lettered message {message.MessageId} of {deadLetters.Entity} after {message.DeliveryCount} deliveries."
                : message.DeadLetterErrorDescription);
        try
        {
            await runtime.Storage.Inbox.MoveToDeadLetterStorageAsync(envelope, exception);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Could not store dead-lettered message {MessageId} of {Entity} in the failed-message store; it stays in the dead-letter sub-queue",
                message.MessageId, deadLetters.Entity);
            await deadLetters.AbandonAsync(message, CancellationToken.None);
            return;
        }
        logger.LogWarning("Message {MessageId} ({MessageType}) was dead-lettered by Azure Service Bus on {Entity} ({Reason}); moved to the failed-message store",
            message.MessageId, envelope.MessageType, deadLetters.Entity, exception.ExceptionType);
        try
        {
            await deadLetters.CompleteAsync(message, CancellationToken.None);
        }
        catch (ServiceBusLockLostException)
        {
            // The lock expired between storing and completing: the message comes back and is stored again under the same envelope id.
        }
    }

    private Envelope ToEnvelope(ReceivedServiceBusMessage message)
    {
        var envelope = new Envelope();
        try
        {
            mapper.MapIncomingToEnvelope(envelope, message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Dead-lettered message {MessageId} of {Entity} is not a readable Wolverine envelope; storing its body as is", message.MessageId, deadLetters.Entity);
            envelope = new Envelope { Data = message.Body.ToArray(), ContentType = message.ContentType ?? EnvelopeConstants.JsonContentType };
        }
        if (envelope.Id == Guid.Empty)
            envelope.Id = ServiceBusEnvelopeMapper.TryReadEnvelopeId(message.MessageId, out var id) ? id : Guid.NewGuid();
        envelope.MessageType ??= message.Subject ?? "unknown";
        envelope.Destination ??= endpoint.Uri;
        envelope.Source ??= endpoint.Uri.ToString();
        if (envelope.SentAt == default) envelope.SentAt = message.EnqueuedTime == default ? DateTimeOffset.UtcNow : message.EnqueuedTime;
        return envelope;
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null) await _loop;
        await deadLetters.DisposeAsync();
        _stopping.Dispose();
    }
}
