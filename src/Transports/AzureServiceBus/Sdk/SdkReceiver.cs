using Azure.Messaging.ServiceBus;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Sdk;

/// <summary>The seam's receiver on a peek-lock <see cref="ServiceBusReceiver"/>; the SDK's lock-lost error becomes
/// <see cref="ServiceBusLockLostException"/>.</summary>
internal sealed class SdkReceiver(ServiceBusReceiver receiver, ServiceBusEntity entity, bool deadLetterSubQueue) : IServiceBusReceiverSeam
{
    public ServiceBusEntity Entity => entity;

    public bool IsDeadLetterSubQueue => deadLetterSubQueue;

    public async Task<IReadOnlyList<ReceivedServiceBusMessage>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var messages = await receiver.ReceiveMessagesAsync(maxMessages, maxWait, cancellationToken);
        return messages is null || messages.Count == 0 ? [] : [.. messages.Select(SdkMessageMapping.FromSdk)];
    }

    public Task CompleteAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) =>
        Translate(message, () => receiver.CompleteMessageAsync(SdkMessageMapping.Native(message), cancellationToken));

    public Task AbandonAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) =>
        Translate(message, () => receiver.AbandonMessageAsync(SdkMessageMapping.Native(message), cancellationToken: cancellationToken));

    public Task DeadLetterAsync(ReceivedServiceBusMessage message, string reason, string description, CancellationToken cancellationToken) =>
        Translate(message, () => receiver.DeadLetterMessageAsync(SdkMessageMapping.Native(message), reason, description, cancellationToken));

    public async Task<DateTimeOffset> RenewLockAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken)
    {
        var native = SdkMessageMapping.Native(message);
        await Translate(message, () => receiver.RenewMessageLockAsync(native, cancellationToken));
        message.LockedUntil = native.LockedUntil;
        return native.LockedUntil;
    }

    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    private async Task Translate(ReceivedServiceBusMessage message, Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            throw new ServiceBusLockLostException($"The lock on message {message.MessageId} from '{entity}' was lost; the broker delivers it again.", e);
        }
    }
}
