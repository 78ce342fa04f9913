using Wolverine.Configuration;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>Sending options for a queue or topic (Wolverine's: <c>UseDurableOutbox</c>, <c>SendInline</c>,
/// <c>MessageBatchSize</c>, …).</summary>
public sealed class ServiceBusSubscriberConfiguration(AzureServiceBusEndpoint endpoint)
    : SubscriberConfiguration<ServiceBusSubscriberConfiguration, AzureServiceBusEndpoint>(endpoint);
