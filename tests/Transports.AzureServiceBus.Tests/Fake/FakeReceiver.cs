using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

internal sealed class FakeReceiver(InMemoryServiceBusClient client, ServiceBusEntity entity, bool deadLetters) : IServiceBusReceiverSeam
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public ServiceBusEntity Entity => entity;

    public bool IsDeadLetterSubQueue => deadLetters;

    public async Task<IReadOnlyList<ReceivedServiceBusMessage>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + maxWait;
        while (true)
        {
            client.ThrowIfCrashed();
            cancellationToken.ThrowIfCancellationRequested();
            var messages = client.Bus.Lock(entity, deadLetters, maxMessages);
            if (messages.Count > 0 || DateTime.UtcNow >= deadline) return messages;
            // Woken by a send; polled too, because lock expiry and scheduled times arrive without one.
            await client.Bus.WaitForChangeAsync(Poll, cancellationToken);
        }
    }

    public Task CompleteAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) =>
        Run(() => client.Bus.Complete(entity, deadLetters, message.LockToken));

    public Task AbandonAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) =>
        Run(() => client.Bus.Abandon(entity, deadLetters, message.LockToken));

    public Task DeadLetterAsync(ReceivedServiceBusMessage message, string reason, string description, CancellationToken cancellationToken) =>
        Run(() => client.Bus.DeadLetter(entity, deadLetters, message.LockToken, reason, description));

    public Task<DateTimeOffset> RenewLockAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken)
    {
        client.ThrowIfCrashed();
        var until = client.Bus.RenewLock(entity, deadLetters, message.LockToken);
        message.LockedUntil = until;
        return Task.FromResult(until);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Run(Action action)
    {
        client.ThrowIfCrashed();
        action();
        return Task.CompletedTask;
    }
}
