namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>How a queue is created when the transport provisions it (the Bicep templates set the same values).</summary>
public sealed record QueueDefinition
{
    /// <summary>The queue name.</summary>
    public required string Name { get; init; }

    /// <summary>How long a receiver holds a message before the broker gives it to another. Service Bus allows 5 s to 5 min.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries after which the broker dead-letters a message (<c>MaxDeliveryCountExceeded</c>).</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>How long an unconsumed message lives; null for the broker's maximum.</summary>
    public TimeSpan? DefaultTimeToLive { get; init; }

    /// <summary>Whether expired messages go to the dead-letter sub-queue (and from there to the failed-message store).</summary>
    public bool DeadLetteringOnMessageExpiration { get; init; } = true;

    /// <summary>Whether the broker drops a message whose id it saw within <see cref="DuplicateDetectionWindow"/>.</summary>
    public bool RequiresDuplicateDetection { get; init; } = true;

    /// <summary>The duplicate-detection window.</summary>
    public TimeSpan DuplicateDetectionWindow { get; init; } = TimeSpan.FromMinutes(10);
}
