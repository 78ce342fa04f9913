using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Wolverine.RabbitMQ;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport.RabbitMq;

/// <summary>
/// The transport behaviour contract on Wolverine's RabbitMQ transport (the hub's scale-out bus) against the broker in
/// <c>LSB_TEST_RABBITMQ</c>; skipped without it. Every node reaches the broker through its own
/// <see cref="AmqpFaultProxy"/>, which breaks it the way the contract asks. Where RabbitMQ differs from Service Bus:
/// <list type="bullet">
/// <item>A crash cuts the node's connections and refuses new ones; RabbitMQ puts its unacknowledged message back at once
/// (Service Bus: when the lock runs out).</item>
/// <item>A lost acknowledgement: the proxy drops <c>basic.ack</c>. RabbitMQ has no lock that runs out, so it redelivers
/// only when the consumer's connection ends; "acknowledgements work again" therefore also cuts the node's connections
/// (it reconnects) and waits until the redelivered copy has been acknowledged.</item>
/// <item>A refused send cuts the connection the <c>basic.publish</c> travels on.</item>
/// <item>Scheduled delivery is not native here (no delayed-message plugin): Wolverine holds the message in the node's
/// message store until it is due. The contract asks only that it is not handled early and is handled after.</item>
/// <item><see cref="BrokerCounts"/> counts ready messages: a passive <c>queue.declare</c> does not report
/// unacknowledged ones, and the management plugin is not assumed.</item>
/// </list>
/// Each test class instance uses queues of its own (<c>lsb-contract-{id}-…</c>) and deletes them afterwards.
/// </summary>
public sealed class RabbitMqTransportBehaviour : TransportBehaviourContract
{
    private const string Variable = "LSB_TEST_RABBITMQ";
    private static readonly Lazy<string?> Unreachable = new(() => Broker is { } b ? Probe(b) : null);
    private readonly string _prefix = "lsb-contract-" + Guid.NewGuid().ToString("N")[..10];
    private readonly Dictionary<TestNode, AmqpFaultProxy> _proxies = [];
    private IConnection? _admin;

    private static Uri? Broker => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? new Uri(uri) : null;

    private string WorkQueue => $"{_prefix}-{Queue}";

    private string DeadLetterQueueName => $"{_prefix}-dead-letters";

    protected override async Task<TestNode> StartNodeAsync(string name, bool listens, bool inline = false)
    {
        Assert.SkipWhen(Broker is null, $"Needs RabbitMQ: set {Variable} to an AMQP URI, e.g. amqp://guest:guest@127.0.0.1:5672 (CI does).");
        var broker = Broker ?? throw new InvalidOperationException($"{Variable} is not set.");
        if (Unreachable.Value is { } problem) throw new InvalidOperationException(problem);
        var proxy = new AmqpFaultProxy(broker);
        var through = new UriBuilder(broker) { Host = "127.0.0.1", Port = proxy.Port }.Uri;
        var node = await TestNode.StartAsync(name, opts =>
        {
            opts.UseRabbitMq(factory =>
                {
                    factory.Uri = through;
                    factory.NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500);
                })
                .AutoProvision()
                // As the hub (BusConfiguration.RabbitMq): without confirms a publish cut off on the wire counts as sent.
                .ConfigureChannelCreation(channel =>
                {
                    channel.PublisherConfirmationsEnabled = true;
                    channel.PublisherConfirmationTrackingEnabled = true;
                })
                .CustomizeDeadLetterQueueing(new DeadLetterQueue(DeadLetterQueueName, DeadLetterQueueMode.WolverineStorage));
            opts.PublishMessage<WorkItem>().ToRabbitQueue(WorkQueue).UseDurableOutbox();
            if (!listens) return;
            var listener = opts.ListenToRabbitQueue(WorkQueue);
            if (inline) listener.ProcessInline();
            else listener.UseDurableInbox();
        });
        _proxies[node] = proxy;
        return node;
    }

    protected override void Crash(TestNode node) => _proxies[node].Kill();

    protected override void FailSends(TestNode node, int count) => _proxies[node].RefusePublishes(count);

    protected override void FailCompletes(TestNode node, bool fail)
    {
        var proxy = _proxies[node];
        if (fail)
        {
            proxy.DropAcks = true;
            return;
        }
        if (proxy.DroppedAcks == 0)
            throw new InvalidOperationException("No acknowledgement was dropped, so nothing was lost: the node did not acknowledge through its proxy.");
        var acknowledged = proxy.ForwardedAcks;
        proxy.DropAcks = false;
        proxy.CutAll();
        if (!SpinWait.SpinUntil(() => proxy.ForwardedAcks > acknowledged, TimeSpan.FromSeconds(30)))
            throw new TimeoutException("RabbitMQ did not redeliver the message whose acknowledgement was lost (or the node never acknowledged the copy) within 30 s.");
    }

    protected override (int Queue, int DeadLetters) BrokerCounts() => (Ready(WorkQueue), Ready(DeadLetterQueueName));

    protected override async ValueTask RemoveBrokerStateAsync()
    {
        if (_proxies.Count == 0) return;
        foreach (var proxy in _proxies.Values) await proxy.DisposeAsync();
        var admin = Admin();
        foreach (var queue in new[] { WorkQueue, DeadLetterQueueName })
        {
            await using var channel = await admin.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }
        await admin.DisposeAsync();
    }

    /// <summary>A connection straight to the broker, past the proxies, for counting and removing.</summary>
    private IConnection Admin() => _admin ??= new ConnectionFactory { Uri = Broker! }.CreateConnectionAsync().GetAwaiter().GetResult();

    private int Ready(string queue)
    {
        using var channel = Admin().CreateChannelAsync().GetAwaiter().GetResult();
        try
        {
            return (int)channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult().MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // not declared (the dead-letter queue, when nothing ever went there)
        }
    }

    private static string? Probe(Uri broker)
    {
        var port = broker.Port > 0 ? broker.Port : 5672;
        try
        {
            using var client = new TcpClient();
            if (client.ConnectAsync(broker.Host, port).Wait(TimeSpan.FromSeconds(10))) return null;
        }
        catch (AggregateException e) when (e.InnerException is SocketException) { }
        return $"RabbitMQ does not answer at {broker.Host}:{port}, but {Variable} is set: start the broker (.ci/run shows how) or unset {Variable}.";
    }
}
