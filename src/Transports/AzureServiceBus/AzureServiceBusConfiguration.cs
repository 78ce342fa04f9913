using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>Transport-wide options, returned by <c>UseHubAzureServiceBus</c>.</summary>
public sealed class AzureServiceBusConfiguration
{
    internal AzureServiceBusConfiguration(AzureServiceBusTransport transport, WolverineOptions options)
    {
        Transport = transport;
        Options = options;
    }

    /// <summary>The transport.</summary>
    public AzureServiceBusTransport Transport { get; }

    internal WolverineOptions Options { get; }

    /// <summary>Create missing queues, topics and subscriptions on start and on first use. Needs the Manage right
    /// (role "Azure Service Bus Data Owner"); without it the templates MUST create every entity.</summary>
    public AzureServiceBusConfiguration AutoProvision(bool enabled = true)
    {
        Transport.AutoProvision = enabled;
        return this;
    }

    /// <summary>How provisioned queues are created (lock duration, max delivery count, TTL, duplicate detection).</summary>
    public AzureServiceBusConfiguration QueueDefaults(Func<QueueDefinition, QueueDefinition> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Transport.QueueDefaults = change(Transport.QueueDefaults);
        return this;
    }

    /// <summary>How provisioned subscriptions are created.</summary>
    public AzureServiceBusConfiguration SubscriptionDefaults(Func<SubscriptionDefinition, SubscriptionDefinition> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Transport.SubscriptionDefaults = change(Transport.SubscriptionDefaults);
        return this;
    }

    /// <summary>How long a listener keeps a long-running handler's message locked (default 5 minutes).</summary>
    public AzureServiceBusConfiguration MaxLockRenewal(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Transport.MaxLockRenewalDuration = duration;
        return this;
    }

    /// <summary>Whether listeners move messages Azure dead-letters into the failed-message store (default on).</summary>
    public AzureServiceBusConfiguration DrainDeadLetters(bool enabled = true)
    {
        Transport.DrainDeadLetters = enabled;
        return this;
    }

    /// <summary>How often nodes look for new members of the queue families they listen to (default 30 s).</summary>
    public AzureServiceBusConfiguration DiscoverQueuesEvery(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Transport.QueueDiscoveryInterval = interval;
        return this;
    }

    /// <summary>Sends every <typeparamref name="T"/> to the queue <c>{family}-{key(message)}</c> through the durable
    /// outbox, e.g. ingest pages to one queue per installation. The key MUST be stable for the same installation.</summary>
    public AzureServiceBusConfiguration RouteToQueuePerKey<T>(string family, Func<T, string> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(key);
        Transport.RouteSource.Add(Transport.Family(family), key);
        return this;
    }

    /// <summary>Listens to every queue of a family, present and future; <paramref name="configure"/> applies to each
    /// (e.g. <c>UseDurableInbox().MaximumParallelMessages(4)</c>).</summary>
    public AzureServiceBusConfiguration ListenToQueueFamily(string family, Action<ServiceBusListenerConfiguration>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        var queues = Transport.Family(family);
        queues.Listen = true;
        queues.Configure = configure;
        return this;
    }

    /// <summary>Creates a subscription with its topic when provisioning, without listening to it (for consumers outside
    /// this process, such as the DWH). <paramref name="sqlFilter"/> selects messages (the Subject, i.e. the Wolverine
    /// message type, is <c>sys.Label</c>); null takes every message.</summary>
    public AzureServiceBusConfiguration ProvisionSubscription(string topic, string subscription, string? sqlFilter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription);
        Transport.Topic(topic).ProvisionedSubscriptions[subscription] = sqlFilter;
        return this;
    }
}
