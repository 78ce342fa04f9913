using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>A subscription of a topic: <c>asb://topic/{topic}/{subscription}</c>. Only receives.</summary>
public sealed class AzureServiceBusSubscription : AzureServiceBusEndpoint
{
    /// <summary>Creates the endpoint for a subscription.</summary>
    public AzureServiceBusSubscription(AzureServiceBusTransport parent, AzureServiceBusTopic topic, string subscriptionName)
        : base(parent, new Uri($"{AzureServiceBusTransport.ProtocolName}://topic/{Uri.EscapeDataString(topic?.TopicName ?? "")}/{Uri.EscapeDataString(subscriptionName)}"))
    {
        Topic = topic ?? throw new ArgumentNullException(nameof(topic));
        SubscriptionName = subscriptionName;
        EndpointName = $"{topic.TopicName}/{subscriptionName}";
        BrokerRole = "subscription";
        topic.ProvisionedSubscriptions.TryAdd(subscriptionName, null);
    }

    /// <summary>The topic.</summary>
    public AzureServiceBusTopic Topic { get; }

    /// <summary>The subscription name.</summary>
    public string SubscriptionName { get; }

    /// <inheritdoc />
    public override ServiceBusEntity ReceiveEntity => ServiceBusEntity.TopicSubscription(Topic.TopicName, SubscriptionName);

    /// <inheritdoc />
    public override string? SendEntity => null;

    /// <inheritdoc />
    public override ValueTask SetupAsync(ILogger logger) => Topic.SetupAsync(logger);

    /// <inheritdoc />
    public override async ValueTask<bool> CheckAsync() =>
        await Parent.Client.Admin.SubscriptionExistsAsync(Topic.TopicName, SubscriptionName, CancellationToken.None);
}
