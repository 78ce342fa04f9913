namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>How a topic subscription is created when the transport provisions it.</summary>
public sealed record SubscriptionDefinition
{
    /// <summary>The topic.</summary>
    public required string Topic { get; init; }

    /// <summary>The subscription name (one per consumer: customer view, holdings sync, IBL, DWH).</summary>
    public required string Name { get; init; }

    /// <summary>How long a receiver holds a message.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries after which the broker dead-letters a message.</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>A SQL filter for the subscription's rule (e.g. <c>sys.Label = 'Lsb.Hub.Dwh.DwhEventBatch'</c>: the Subject is
    /// <c>sys.Label</c>); null takes every message.</summary>
    public string? SqlFilter { get; init; }

    /// <summary>Whether expired messages go to the dead-letter sub-queue.</summary>
    public bool DeadLetteringOnMessageExpiration { get; init; } = true;
}
