namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>A message received under a peek-lock: the SDK-neutral form of <c>ServiceBusReceivedMessage</c>.</summary>
public sealed class ReceivedServiceBusMessage
{
    /// <summary>The broker's message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The serialized message.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body's content type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The message type name (Service Bus <c>Subject</c>).</summary>
    public string? Subject { get; init; }

    /// <summary>The session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>Application properties as sent.</summary>
    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

    /// <summary>How often the broker has delivered the message, this delivery included (1 on the first).</summary>
    public int DeliveryCount { get; init; }

    /// <summary>The lock token of this delivery.</summary>
    public required string LockToken { get; init; }

    /// <summary>Until when the lock holds; moved on by each renewal.</summary>
    public DateTimeOffset LockedUntil { get; set; }

    /// <summary>The broker's sequence number.</summary>
    public long SequenceNumber { get; init; }

    /// <summary>When the broker enqueued the message.</summary>
    public DateTimeOffset EnqueuedTime { get; init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Dead-letter sub-queue only: why the message was dead-lettered (e.g. <c>MaxDeliveryCountExceeded</c>,
    /// <c>TTLExpiredException</c>, or a reason given by a receiver).</summary>
    public string? DeadLetterReason { get; init; }

    /// <summary>Dead-letter sub-queue only: the description that came with the reason.</summary>
    public string? DeadLetterErrorDescription { get; init; }

    /// <summary>The seam implementation's own handle on the delivery (the SDK message). The transport NEVER reads it.</summary>
    public object? Handle { get; init; }
}
