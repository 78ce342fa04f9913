using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Sdk;

/// <summary>The seam on the Azure SDK: one <see cref="ServiceBusClient"/> (one AMQP connection) per process, senders
/// cached per entity, receivers in peek-lock mode without prefetch (prefetched messages would age against their lock).</summary>
public sealed class SdkServiceBusClient : IServiceBusClientSeam
{
    private readonly ServiceBusClient _client;
    private readonly ConcurrentDictionary<string, IServiceBusSenderSeam> _senders = new(StringComparer.Ordinal);

    /// <summary>Wraps an SDK client and administration client; disposing this disposes the client.</summary>
    public SdkServiceBusClient(ServiceBusClient client, ServiceBusAdministrationClient admin)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Admin = new SdkAdmin(admin ?? throw new ArgumentNullException(nameof(admin)));
    }

    /// <summary>The namespace this client connects to, e.g. <c>lsb-prod.servicebus.windows.net</c>.</summary>
    public string FullyQualifiedNamespace => _client.FullyQualifiedNamespace;

    /// <inheritdoc />
    public IServiceBusAdminSeam Admin { get; }

    /// <inheritdoc />
    public IServiceBusSenderSeam CreateSender(string queueOrTopic) =>
        _senders.GetOrAdd(queueOrTopic, name => new SdkSender(_client.CreateSender(name)));

    /// <inheritdoc />
    public IServiceBusReceiverSeam CreateReceiver(ServiceBusEntity entity, bool deadLetterSubQueue = false)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var options = new ServiceBusReceiverOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            PrefetchCount = 0,
            SubQueue = deadLetterSubQueue ? SubQueue.DeadLetter : SubQueue.None,
        };
        var receiver = entity.Subscription is null
            ? _client.CreateReceiver(entity.QueueOrTopic, options)
            : _client.CreateReceiver(entity.QueueOrTopic, entity.Subscription, options);
        return new SdkReceiver(receiver, entity, deadLetterSubQueue);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values) await sender.DisposeAsync();
        await _client.DisposeAsync();
    }
}
