using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine.Configuration;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>A queue: <c>asb://queue/{name}</c>. Sends and receives.</summary>
public sealed class AzureServiceBusQueue : AzureServiceBusEndpoint
{
    /// <summary>Creates the endpoint for a queue.</summary>
    public AzureServiceBusQueue(AzureServiceBusTransport parent, string queueName, EndpointRole role = EndpointRole.Application)
        : base(parent, new Uri($"{AzureServiceBusTransport.ProtocolName}://queue/{Uri.EscapeDataString(queueName)}"), role)
    {
        QueueName = queueName;
        EndpointName = queueName;
        BrokerRole = "queue";
    }

    /// <summary>The queue name.</summary>
    public string QueueName { get; }

    /// <summary>How the queue is created when provisioned; defaults from the transport.</summary>
    public QueueDefinition Definition => Parent.QueueDefaults with { Name = QueueName };

    /// <inheritdoc />
    public override ServiceBusEntity ReceiveEntity => ServiceBusEntity.Queue(QueueName);

    /// <inheritdoc />
    public override string SendEntity => QueueName;

    /// <inheritdoc />
    public override async ValueTask SetupAsync(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (await Parent.Client.Admin.QueueExistsAsync(QueueName, CancellationToken.None)) return;
        logger.LogInformation("Creating Azure Service Bus queue {Queue}", QueueName);
        await Parent.Client.Admin.CreateQueueAsync(Definition, CancellationToken.None);
    }

    /// <inheritdoc />
    public override async ValueTask<bool> CheckAsync() => await Parent.Client.Admin.QueueExistsAsync(QueueName, CancellationToken.None);
}
