using Azure.Messaging.ServiceBus;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Sdk;

/// <summary>The seam's sender on a <see cref="ServiceBusSender"/>: packs messages into SDK batches, starting a new batch
/// when one is full.</summary>
internal sealed class SdkSender(ServiceBusSender sender) : IServiceBusSenderSeam
{
    public string EntityPath => sender.EntityPath;

    public async Task SendAsync(IReadOnlyList<OutgoingServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) return;
        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            foreach (var outgoing in messages)
            {
                var message = SdkMessageMapping.ToSdk(outgoing);
                if (batch.TryAddMessage(message)) continue;
                if (batch.Count == 0)
                    throw new ServiceBusMessageTooLargeException(
                        $"Message {outgoing.MessageId} ({outgoing.Subject}) does not fit in an empty batch of {batch.MaxSizeInBytes} bytes for '{sender.EntityPath}'.");
                await sender.SendMessagesAsync(batch, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(message))
                    throw new ServiceBusMessageTooLargeException(
                        $"Message {outgoing.MessageId} ({outgoing.Subject}) does not fit in an empty batch of {batch.MaxSizeInBytes} bytes for '{sender.EntityPath}'.");
            }
            if (batch.Count > 0) await sender.SendMessagesAsync(batch, cancellationToken);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageSizeExceeded)
        {
            throw new ServiceBusMessageTooLargeException(e.Message, e);
        }
        finally
        {
            batch.Dispose();
        }
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();
}
