namespace Lsb.Hub.Bus;

/// <summary>How messages travel between the hub's handlers.</summary>
public enum BusTransport
{
    /// <summary>Durable local queues in the message store (embedded default; one node).</summary>
    Local,
    /// <summary>RabbitMQ queues shared by several hub nodes (competing consumers); state and message store on PostgreSQL.</summary>
    RabbitMq,
    /// <summary>Azure Service Bus (production on Azure): a queue per installation for ingest, a topic with a subscription
    /// per consumer for events; state and message store on PostgreSQL.</summary>
    AzureServiceBus,
}
