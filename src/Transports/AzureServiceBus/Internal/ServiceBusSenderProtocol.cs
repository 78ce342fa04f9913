using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Transports;
using Wolverine.Transports.Sending;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Sends Wolverine's outgoing batches (from the durable outbox, or the in-memory buffer) as Service Bus batches. A batch
/// counts as sent only when the broker accepted every message; otherwise Wolverine keeps it (in the outbox table) and
/// sends it again. Scheduled envelopes are sent at once with <c>ScheduledEnqueueTime</c>: the broker holds them.
/// </summary>
internal sealed class ServiceBusSenderProtocol(
    AzureServiceBusEndpoint endpoint,
    IServiceBusSenderSeam sender,
    IServiceBusEnvelopeMapper mapper,
    ILogger<ServiceBusSenderProtocol> logger) : ISenderProtocolWithNativeScheduling
{
    public async Task SendBatchAsync(ISenderCallback callback, OutgoingMessageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(batch);
        var envelopes = new List<Envelope>(batch.Messages.Count);
        var messages = new List<OutgoingServiceBusMessage>(batch.Messages.Count);
        foreach (var envelope in batch.Messages)
        {
            if (TryMap(envelope) is { } message)
            {
                envelopes.Add(envelope);
                messages.Add(message);
            }
            else
            {
                await callback.MarkSerializationFailureAsync(new OutgoingMessageBatch(batch.Destination, [envelope]));
            }
        }
        if (messages.Count == 0) return;
        try
        {
            await endpoint.InitializeAsync(logger);
            await sender.SendAsync(messages, CancellationToken.None);
            await callback.MarkSuccessfulAsync(new OutgoingMessageBatch(batch.Destination, envelopes));
        }
        catch (ServiceBusMessageTooLargeException) when (messages.Count > 1)
        {
            // Find the one that does not fit; send the rest.
            for (var i = 0; i < messages.Count; i++) await SendOneAsync(callback, batch.Destination, envelopes[i], messages[i]);
        }
        catch (ServiceBusMessageTooLargeException e)
        {
            logger.LogError(e, "Message {Id} ({MessageType}) is too large for Azure Service Bus {Entity} and is dropped", envelopes[0].Id, envelopes[0].MessageType, sender.EntityPath);
            await callback.MarkSerializationFailureAsync(new OutgoingMessageBatch(batch.Destination, envelopes));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await callback.MarkProcessingFailureAsync(new OutgoingMessageBatch(batch.Destination, envelopes), e);
        }
    }

    /// <summary>Sends one envelope now (inline senders); throws when the broker did not accept it.</summary>
    public async Task SendAsync(Envelope envelope)
    {
        var message = TryMap(envelope) ?? throw new InvalidOperationException($"Envelope {envelope.Id} ({envelope.MessageType}) could not be mapped to a Service Bus message.");
        await endpoint.InitializeAsync(logger);
        await sender.SendAsync([message], CancellationToken.None);
    }

    private async Task SendOneAsync(ISenderCallback callback, Uri destination, Envelope envelope, OutgoingServiceBusMessage message)
    {
        var one = new OutgoingMessageBatch(destination, [envelope]);
        try
        {
            await sender.SendAsync([message], CancellationToken.None);
            await callback.MarkSuccessfulAsync(one);
        }
        catch (ServiceBusMessageTooLargeException e)
        {
            logger.LogError(e, "Message {Id} ({MessageType}) is too large for Azure Service Bus {Entity} and is dropped", envelope.Id, envelope.MessageType, sender.EntityPath);
            await callback.MarkSerializationFailureAsync(one);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await callback.MarkProcessingFailureAsync(one, e);
        }
    }

    private OutgoingServiceBusMessage? TryMap(Envelope envelope)
    {
        try
        {
            var message = new OutgoingServiceBusMessage();
            mapper.MapEnvelopeToOutgoing(envelope, message);
            return message;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Envelope {Id} ({MessageType}) could not be mapped to a Service Bus message for {Entity}", envelope.Id, envelope.MessageType, sender.EntityPath);
            return null;
        }
    }
}
