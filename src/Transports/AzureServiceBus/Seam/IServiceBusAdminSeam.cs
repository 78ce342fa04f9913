namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>Management operations on the namespace. Needs the Manage right (role "Azure Service Bus Data Owner").</summary>
public interface IServiceBusAdminSeam
{
    /// <summary>Whether the queue exists.</summary>
    Task<bool> QueueExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates the queue. MUST succeed quietly when it already exists (another node may have created it).</summary>
    Task CreateQueueAsync(QueueDefinition queue, CancellationToken cancellationToken);

    /// <summary>Whether the topic exists.</summary>
    Task<bool> TopicExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates the topic. MUST succeed quietly when it already exists.</summary>
    Task CreateTopicAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether the subscription exists.</summary>
    Task<bool> SubscriptionExistsAsync(string topic, string name, CancellationToken cancellationToken);

    /// <summary>Creates the subscription. MUST succeed quietly when it already exists.</summary>
    Task CreateSubscriptionAsync(SubscriptionDefinition subscription, CancellationToken cancellationToken);

    /// <summary>The names of the queues whose name starts with <paramref name="prefix"/> (ordinal, case-insensitive).</summary>
    Task<IReadOnlyList<string>> ListQueuesAsync(string prefix, CancellationToken cancellationToken);
}
