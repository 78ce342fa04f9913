using Azure.Messaging.ServiceBus;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Sdk;

/// <summary>A <see cref="ServiceBusReceiver"/> that hands out prepared messages and records how they were settled;
/// <see cref="LockLost"/> makes settling fail the way the SDK does when a lock expired.</summary>
public sealed class RecordingServiceBusReceiver(params ServiceBusReceivedMessage[] messages) : ServiceBusReceiver
{
    public bool LockLost { get; set; }

    public List<string> Calls { get; } = [];

    public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>([.. messages.Take(maxMessages)]);

    public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Record($"complete {message.MessageId}");

    public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) =>
        Record($"abandon {message.MessageId}");

    public override Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) =>
        Record($"dead-letter {message.MessageId} {deadLetterReason}: {deadLetterErrorDescription}");

    public override Task RenewMessageLockAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Record($"renew {message.MessageId}");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Record(string call)
    {
        if (LockLost) throw new ServiceBusException("The lock supplied is invalid.", ServiceBusFailureReason.MessageLockLost);
        Calls.Add(call);
        return Task.CompletedTask;
    }
}
