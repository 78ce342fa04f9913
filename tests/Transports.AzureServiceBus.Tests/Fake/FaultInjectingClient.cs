using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>
/// Wraps a client and fails chosen operations: <see cref="FailSends"/> sends fail (the broker is unreachable at commit
/// time), and while <see cref="FailCompletes"/> holds, completes fail (a flaky acknowledgement) so the message stays
/// locked until its lock expires.
/// </summary>
public sealed class FaultInjectingClient(IServiceBusClientSeam inner) : IServiceBusClientSeam
{
    private int _failSends;

    public int FailSends { get => Volatile.Read(ref _failSends); set => Volatile.Write(ref _failSends, value); }

    public volatile bool FailCompletes;

    public int FailedCompletes;

    public IServiceBusAdminSeam Admin => inner.Admin;

    public IServiceBusSenderSeam CreateSender(string queueOrTopic) => new Sender(this, inner.CreateSender(queueOrTopic));

    public IServiceBusReceiverSeam CreateReceiver(ServiceBusEntity entity, bool deadLetterSubQueue = false) =>
        new Receiver(this, inner.CreateReceiver(entity, deadLetterSubQueue));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class Sender(FaultInjectingClient faults, IServiceBusSenderSeam sender) : IServiceBusSenderSeam
    {
        public string EntityPath => sender.EntityPath;

        public Task SendAsync(IReadOnlyList<OutgoingServiceBusMessage> messages, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref faults._failSends) >= 0) throw new TimeoutException("Injected: the broker did not answer.");
            Interlocked.Exchange(ref faults._failSends, 0);
            return sender.SendAsync(messages, cancellationToken);
        }

        public ValueTask DisposeAsync() => sender.DisposeAsync();
    }

    private sealed class Receiver(FaultInjectingClient faults, IServiceBusReceiverSeam receiver) : IServiceBusReceiverSeam
    {
        public ServiceBusEntity Entity => receiver.Entity;
        public bool IsDeadLetterSubQueue => receiver.IsDeadLetterSubQueue;

        public Task<IReadOnlyList<ReceivedServiceBusMessage>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken) =>
            receiver.ReceiveAsync(maxMessages, maxWait, cancellationToken);

        public Task CompleteAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken)
        {
            if (!faults.FailCompletes) return receiver.CompleteAsync(message, cancellationToken);
            Interlocked.Increment(ref faults.FailedCompletes);
            throw new TimeoutException("Injected: the acknowledgement was lost.");
        }

        public Task AbandonAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) => receiver.AbandonAsync(message, cancellationToken);

        public Task DeadLetterAsync(ReceivedServiceBusMessage message, string reason, string description, CancellationToken cancellationToken) =>
            receiver.DeadLetterAsync(message, reason, description, cancellationToken);

        public Task<DateTimeOffset> RenewLockAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken) =>
            receiver.RenewLockAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => receiver.DisposeAsync();
    }
}
