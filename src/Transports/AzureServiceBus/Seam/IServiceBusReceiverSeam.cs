namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>A peek-lock receiver of one queue or subscription (or its dead-letter sub-queue).</summary>
public interface IServiceBusReceiverSeam : IAsyncDisposable
{
    /// <summary>The entity received from.</summary>
    ServiceBusEntity Entity { get; }

    /// <summary>Whether this receiver reads the entity's dead-letter sub-queue.</summary>
    bool IsDeadLetterSubQueue { get; }

    /// <summary>Receives up to <paramref name="maxMessages"/> messages, waiting at most <paramref name="maxWait"/> for
    /// the first; an empty list when none arrived. Each returned message is locked to this receiver and its
    /// <see cref="ReceivedServiceBusMessage.DeliveryCount"/> counts this delivery.</summary>
    Task<IReadOnlyList<ReceivedServiceBusMessage>> ReceiveAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Removes the message for good. Throws <see cref="ServiceBusLockLostException"/> when its lock was lost.</summary>
    Task CompleteAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken);

    /// <summary>Releases the lock so the message is delivered again (its delivery count grows; past the entity's maximum
    /// the broker dead-letters it).</summary>
    Task AbandonAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken);

    /// <summary>Moves the message to the entity's dead-letter sub-queue with a reason and description.</summary>
    Task DeadLetterAsync(ReceivedServiceBusMessage message, string reason, string description, CancellationToken cancellationToken);

    /// <summary>Extends the message's lock by the entity's lock duration and returns the new expiry. Throws
    /// <see cref="ServiceBusLockLostException"/> when the lock was already lost.</summary>
    Task<DateTimeOffset> RenewLockAsync(ReceivedServiceBusMessage message, CancellationToken cancellationToken);
}
