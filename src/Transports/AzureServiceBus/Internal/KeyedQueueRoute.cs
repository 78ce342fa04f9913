using System.Collections.Concurrent;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Routing;
using Wolverine.Transports.Sending;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Routes each message of <typeparamref name="T"/> to the queue of its key in a <see cref="QueueFamily"/>, e.g. an
/// ingest page to <c>lsb-ingest-{installationId}</c>. Per queue it delegates to Wolverine's own route, so the outbox,
/// serializer and envelope rules are the same as for any other endpoint.
/// </summary>
internal sealed class KeyedQueueRoute<T>(AzureServiceBusTransport transport, QueueFamily family, Func<T, string> key, IWolverineRuntime wolverine) : IMessageRoute
{
    private readonly ConcurrentDictionary<string, MessageRoute> _routes = new(StringComparer.Ordinal);

    public Envelope CreateForSending(object message, DeliveryOptions? options, ISendingAgent localDurableQueue, WolverineRuntime runtime, string? topicName)
    {
        var value = key((T)message);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"A {typeof(T).Name} has no routing key for the queue family '{family.Name}': every message MUST name its installation.");
        var queue = transport.FamilyQueue(family, value);
        var route = _routes.GetOrAdd(queue.QueueName, _ => MessageRoute.For(typeof(T), queue, wolverine));
        return route.CreateForSending(message, options, localDurableQueue, runtime, topicName);
    }

    public MessageSubscriptionDescriptor Describe() => new()
    {
        Endpoint = new Uri($"{AzureServiceBusTransport.ProtocolName}://queue/{family.Name}-key"),
        ContentType = "application/json",
        Description = $"one Azure Service Bus queue per key: {family.Name}-{{key}}",
    };
}
