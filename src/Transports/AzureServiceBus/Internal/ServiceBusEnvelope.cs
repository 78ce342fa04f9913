using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>An envelope received from Service Bus, holding the delivery it came with until it is settled once.</summary>
internal sealed class ServiceBusEnvelope(ReceivedServiceBusMessage delivery, IServiceBusReceiverSeam receiver, DateTimeOffset deliveredAt) : Envelope
{
    private int _settled;

    /// <summary>The broker delivery (lock token, delivery count, lock expiry).</summary>
    public ReceivedServiceBusMessage Delivery { get; } = delivery;

    /// <summary>The receiver that holds the lock; settling MUST go through it.</summary>
    public IServiceBusReceiverSeam Receiver { get; } = receiver;

    /// <summary>When this node received the delivery (the lock renewal limit counts from here).</summary>
    public DateTimeOffset DeliveredAt { get; } = deliveredAt;

    /// <summary>Claims the right to settle the delivery: true exactly once.</summary>
    public bool TrySettle() => Interlocked.Exchange(ref _settled, 1) == 0;

    /// <summary>Whether the delivery was settled (completed, abandoned or dead-lettered).</summary>
    public bool IsSettled => Volatile.Read(ref _settled) == 1;
}
