using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>A topic: <c>asb://topic/{name}</c>. Only sends; every subscription gets a copy of each message.</summary>
public sealed class AzureServiceBusTopic : AzureServiceBusEndpoint
{
    /// <summary>Creates the endpoint for a topic.</summary>
    public AzureServiceBusTopic(AzureServiceBusTransport parent, string topicName)
        : base(parent, new Uri($"{AzureServiceBusTransport.ProtocolName}://topic/{Uri.EscapeDataString(topicName)}"))
    {
        TopicName = topicName;
        EndpointName = topicName;
        BrokerRole = "topic";
    }

    /// <summary>The topic name.</summary>
    public string TopicName { get; }

    /// <summary>Subscriptions created with the topic when provisioning, whether or not this process listens to them
    /// (the DWH's subscription is read by the DWH, not by the hub).</summary>
    /// <remarks>Name → SQL filter of its rule (null: every message).</remarks>
    public IDictionary<string, string?> ProvisionedSubscriptions { get; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override ServiceBusEntity? ReceiveEntity => null;

    /// <inheritdoc />
    public override string SendEntity => TopicName;

    /// <inheritdoc />
    public override async ValueTask SetupAsync(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var admin = Parent.Client.Admin;
        if (!await admin.TopicExistsAsync(TopicName, CancellationToken.None))
        {
            logger.LogInformation("Creating Azure Service Bus topic {Topic}", TopicName);
            await admin.CreateTopicAsync(TopicName, CancellationToken.None);
        }
        foreach (var (subscription, filter) in ProvisionedSubscriptions)
        {
            if (await admin.SubscriptionExistsAsync(TopicName, subscription, CancellationToken.None)) continue;
            logger.LogInformation("Creating Azure Service Bus subscription {Topic}/{Subscription}", TopicName, subscription);
            await admin.CreateSubscriptionAsync(Parent.SubscriptionDefaults with { Topic = TopicName, Name = subscription, SqlFilter = filter }, CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public override async ValueTask<bool> CheckAsync() => await Parent.Client.Admin.TopicExistsAsync(TopicName, CancellationToken.None);
}
