namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>Something a receiver reads: a queue, or a subscription of a topic.</summary>
/// <param name="QueueOrTopic">The queue name, or the topic name for a subscription.</param>
/// <param name="Subscription">The subscription name; null for a queue.</param>
public sealed record ServiceBusEntity(string QueueOrTopic, string? Subscription = null)
{
    /// <summary>A queue.</summary>
    public static ServiceBusEntity Queue(string name) => new(name);

    /// <summary>A subscription of a topic.</summary>
    public static ServiceBusEntity TopicSubscription(string topic, string subscription) => new(topic, subscription);

    /// <summary>Whether this is a subscription.</summary>
    public bool IsSubscription => Subscription is not null;

    /// <summary>The Service Bus entity path: <c>queue</c> or <c>topic/Subscriptions/subscription</c>.</summary>
    public string Path => Subscription is null ? QueueOrTopic : $"{QueueOrTopic}/Subscriptions/{Subscription}";

    /// <inheritdoc />
    public override string ToString() => Path;
}
