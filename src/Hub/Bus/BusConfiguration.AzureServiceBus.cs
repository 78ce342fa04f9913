using Lsb.Hub.HoldingsSync;
using Lsb.Hub.Ibl;
using Lsb.Hub.Ingest;
using Lsb.Hub.Transports.AzureServiceBus;
using Wolverine;

namespace Lsb.Hub.Bus;

public static partial class BusConfiguration
{
    /// <summary>Azure Service Bus: ingest in one queue per installation, IBL and holdings sync in a queue each, every one
    /// read through the durable inbox (IBL timers are native scheduled messages: the broker holds them until due); DWH
    /// batches and the log notifications on the events topic, whose <c>holdings-sync</c> subscription every node reads.</summary>
    private static void UseAzureServiceBusEntities(WolverineOptions opts, BusOptions bus, int parallelism, int iblParallelism)
    {
        var ingest = $"{bus.QueuePrefix}-{IngestQueue}";
        var topic = $"{bus.QueuePrefix}-{EventsTopic}";
        // A connection registered as an instance (tests: the in-memory namespace) comes before the settings.
        var connection = opts.Services.Select(d => d.ImplementationInstance).OfType<ServiceBusConnection>().LastOrDefault() ?? ServiceBusConnectionFor(bus);
        var asb = opts.UseHubAzureServiceBus(connection)
            .AutoProvision(bus.ServiceBusAutoProvision)
            .RouteToQueuePerKey<IngestChangePage>(ingest, page => page.InstallationId)
            .RouteToQueuePerKey<IngestChange>(ingest, change => change.InstallationId)
            .ListenToQueueFamily(ingest, queue => queue.UseDurableInbox().MaximumParallelMessages(parallelism));
        ServiceBusListenerConfiguration WorkQueue(string name, IEnumerable<Type> messages)
        {
            var queue = $"{bus.QueuePrefix}-{name}";
            foreach (var type in messages) opts.PublishMessage(type).ToAzureServiceBusQueue(queue);
            return opts.ListenToAzureServiceBusQueue(queue).UseDurableInbox();
        }
        WorkQueue(IblFeature.Queue, HubWorkQueues.Ibl).MaximumParallelMessages(iblParallelism);
        WorkQueue(HoldingsSyncHeaders.Queue, HubWorkQueues.HoldingsSync).Sequential();
        foreach (var (subscription, filter) in EventSubscriptions) asb.ProvisionSubscription(topic, subscription, filter);
        opts.PublishMessage<Dwh.DwhEventBatch>().ToAzureServiceBusTopic(topic);
        opts.PublishMessage<EventLog.CanonicalEventsAppended>().ToAzureServiceBusTopic(topic);
        // A notification only wakes the node's log followers: handled in the receive loop, nothing to keep in the inbox.
        opts.ListenToAzureServiceBusSubscription(topic, HoldingsSyncSubscription).ProcessInline();
        opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
    }

    private static ServiceBusConnection ServiceBusConnectionFor(BusOptions bus) =>
        string.IsNullOrWhiteSpace(bus.ServiceBusConnectionString)
            ? ServiceBusConnection.FromNamespace(bus.ServiceBusNamespace!, managedIdentityClientId: bus.ServiceBusClientId)
            : ServiceBusConnection.FromConnectionString(bus.ServiceBusConnectionString);
}
