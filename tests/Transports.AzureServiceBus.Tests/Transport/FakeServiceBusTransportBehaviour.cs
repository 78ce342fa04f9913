using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;
using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>The transport behaviour contract on the Azure Service Bus transport against the in-memory namespace
/// (locks of 2 s, so lost locks come back quickly).</summary>
public sealed class FakeServiceBusTransportBehaviour : TransportBehaviourContract
{
    private readonly InMemoryServiceBus _bus = new();
    private readonly Dictionary<TestNode, (InMemoryServiceBusClient Client, FaultInjectingClient Faults)> _clients = [];

    protected override async Task<TestNode> StartNodeAsync(string name, bool listens, bool inline = false)
    {
        var client = _bus.CreateClient();
        var faults = new FaultInjectingClient(client);
        var node = await TestNode.StartAsync(name, faults, (opts, asb) =>
        {
            asb.QueueDefaults(q => q with { LockDuration = TimeSpan.FromSeconds(2) });
            opts.PublishMessage<WorkItem>().ToAzureServiceBusQueue(Queue);
            if (listens) Listen(opts, inline);
        });
        _clients[node] = (client, faults);
        return node;
    }

    protected override void Crash(TestNode node) => _clients[node].Client.Crash();

    protected override void FailSends(TestNode node, int count) => _clients[node].Faults.FailSends = count;

    protected override void FailCompletes(TestNode node, bool fail) => _clients[node].Faults.FailCompletes = fail;

    protected override (int Queue, int DeadLetters) BrokerCounts() =>
        (_bus.Peek(ServiceBusEntity.Queue(Queue)).Count, _bus.Peek(ServiceBusEntity.Queue(Queue), deadLetters: true).Count);

    private static void Listen(WolverineOptions opts, bool inline)
    {
        var listener = opts.ListenToAzureServiceBusQueue(Queue).ReceiveBatch(10, TimeSpan.FromMilliseconds(500));
        if (inline) listener.ProcessInline();
        else listener.UseDurableInbox();
    }
}
