using Wolverine.Configuration;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// A family of queues <c>{Name}-{key}</c>, one per routing key (per installation), so the backlog or slowness of one
/// key never holds up another. Members are created on first use (and provisioned when allowed), and every node that
/// listens to the family discovers new members by listing the namespace.
/// </summary>
internal sealed class QueueFamily(string name)
{
    /// <summary>The queue-name prefix, e.g. <c>lsb-ingest</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Whether this node listens to every member.</summary>
    public bool Listen { get; set; }

    /// <summary>Applied to each member endpoint when it is created (mode, parallelism).</summary>
    public Action<ServiceBusListenerConfiguration>? Configure { get; set; }

    /// <summary>Sending (and, unless <see cref="Configure"/> says otherwise, listening) mode of members: the durable
    /// outbox and inbox by default.</summary>
    public EndpointMode Mode { get; set; } = EndpointMode.Durable;

    /// <summary>Whether a queue name belongs to the family.</summary>
    public bool Owns(string queueName) => queueName.StartsWith(Name + "-", StringComparison.OrdinalIgnoreCase);
}
