using Wolverine;
using Wolverine.Configuration;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>
/// The entry point: <c>opts.UseHubAzureServiceBus(connection)</c>, then queues, topics and subscriptions with the
/// extensions below. Handlers and sagas stay as they are; only routing and listening are configured here.
/// </summary>
public static class AzureServiceBusExtensions
{
    /// <summary>Adds the Azure Service Bus transport. Calling it again returns the same transport's configuration.</summary>
    public static AzureServiceBusConfiguration UseHubAzureServiceBus(this WolverineOptions options, ServiceBusConnection connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var transport = options.Transports.OfType<AzureServiceBusTransport>().FirstOrDefault();
        if (transport is null)
        {
            transport = new AzureServiceBusTransport(connection);
            options.Transports.Add(transport);
            options.PublishWithMessageRoutingSource(transport.RouteSource);
        }
        return new AzureServiceBusConfiguration(transport, options);
    }

    /// <summary>Listens to a queue.</summary>
    public static ServiceBusListenerConfiguration ListenToAzureServiceBusQueue(this WolverineOptions options, string queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var endpoint = TransportOf(options).Queue(queue);
        endpoint.IsListener = true;
        return new ServiceBusListenerConfiguration(endpoint);
    }

    /// <summary>Listens to a subscription of a topic (created with the topic when provisioning).</summary>
    public static ServiceBusListenerConfiguration ListenToAzureServiceBusSubscription(this WolverineOptions options, string topic, string subscription)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription);
        var endpoint = TransportOf(options).Subscription(topic, subscription);
        endpoint.IsListener = true;
        return new ServiceBusListenerConfiguration(endpoint);
    }

    /// <summary>Publishes the selected messages to a queue.</summary>
    public static ServiceBusSubscriberConfiguration ToAzureServiceBusQueue(this IPublishToExpression publishing, string queue)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var endpoint = TransportOf(Parent(publishing)).Queue(queue);
        publishing.To(endpoint.Uri);
        return new ServiceBusSubscriberConfiguration(endpoint);
    }

    /// <summary>Publishes the selected messages to a topic; each of its subscriptions gets a copy.</summary>
    public static ServiceBusSubscriberConfiguration ToAzureServiceBusTopic(this IPublishToExpression publishing, string topic)
    {
        ArgumentNullException.ThrowIfNull(publishing);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var endpoint = TransportOf(Parent(publishing)).Topic(topic);
        publishing.To(endpoint.Uri);
        return new ServiceBusSubscriberConfiguration(endpoint);
    }

    private static WolverineOptions Parent(IPublishToExpression publishing) =>
        (publishing as PublishingExpression)?.Parent
        ?? throw new ArgumentException("Use opts.PublishMessage<T>() or opts.Publish(...) to select the messages.", nameof(publishing));

    private static AzureServiceBusTransport TransportOf(WolverineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Transports.OfType<AzureServiceBusTransport>().FirstOrDefault()
            ?? throw new InvalidOperationException("Call opts.UseHubAzureServiceBus(connection) before configuring Azure Service Bus queues, topics or subscriptions.");
    }
}
