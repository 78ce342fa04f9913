using Wolverine.Configuration;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>Listener options for a queue or subscription (Wolverine's: <c>UseDurableInbox</c>, <c>ProcessInline</c>,
/// <c>MaximumParallelMessages</c>, …, plus the receive batch).</summary>
public sealed class ServiceBusListenerConfiguration(AzureServiceBusEndpoint endpoint)
    : ListenerConfiguration<ServiceBusListenerConfiguration, AzureServiceBusEndpoint>(endpoint)
{
    /// <summary>Messages asked for per receive call, and how long a call waits for the first.</summary>
    public ServiceBusListenerConfiguration ReceiveBatch(int maximumMessages, TimeSpan maximumWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumMessages, 1);
        add(e =>
        {
            e.MaximumMessagesToReceive = maximumMessages;
            e.MaximumWaitTime = maximumWait;
        });
        return this;
    }
}
