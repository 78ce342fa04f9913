using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;
using Wolverine;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>What is particular to Service Bus: lock renewal, native scheduling, batching, Azure's own dead letters,
/// one queue per installation, topics with a subscription per consumer. Against the in-memory namespace.</summary>
public sealed class ServiceBusTransportTests : IAsyncLifetime
{
    private readonly InMemoryServiceBus _bus = new();
    private readonly List<TestNode> _nodes = [];

    private async Task<TestNode> Node(string name, Action<WolverineOptions, AzureServiceBusConfiguration> configure)
    {
        var node = await TestNode.StartAsync(name, _bus.CreateClient(), configure);
        _nodes.Add(node);
        return node;
    }

    private static void WorkQueue(WolverineOptions opts, AzureServiceBusConfiguration asb, bool listen, bool inline = false, TimeSpan? lockDuration = null, int maxDeliveryCount = 10)
    {
        asb.QueueDefaults(q => q with { LockDuration = lockDuration ?? TimeSpan.FromSeconds(2), MaxDeliveryCount = maxDeliveryCount });
        opts.PublishMessage<WorkItem>().ToAzureServiceBusQueue("work");
        if (!listen) return;
        var listener = opts.ListenToAzureServiceBusQueue("work").ReceiveBatch(10, TimeSpan.FromMilliseconds(500));
        if (inline) listener.ProcessInline();
        else listener.UseDurableInbox();
    }

    [Fact]
    public async Task When_a_handler_runs_longer_than_the_lock_Should_renew_the_lock_so_no_other_node_gets_the_message()
    {
        // A 3 s lock is renewed with 1 s to spare; the handler needs more than two lock durations.
        var a = await Node("a", (o, asb) => WorkQueue(o, asb, listen: true, inline: true, lockDuration: TimeSpan.FromSeconds(3)));
        await Node("b", (o, asb) => WorkQueue(o, asb, listen: true, inline: true, lockDuration: TimeSpan.FromSeconds(3)));
        var item = new WorkItem(Guid.NewGuid(), WorkBehaviour.Slow, HandleMilliseconds: 7000);

        await a.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the slow message to be handled", 40);
        await Task.Delay(1000);
        Assert.Equal(1, Handled.StartedCount(item.Id));
        Assert.Empty(_bus.Peek(ServiceBusEntity.Queue("work")));
    }

    [Fact]
    public async Task When_a_message_is_scheduled_Should_be_sent_at_once_and_held_by_the_broker_until_its_time()
    {
        var a = await Node("a", (o, asb) => WorkQueue(o, asb, listen: false));
        var at = DateTimeOffset.UtcNow.AddHours(1);

        await a.Bus.ScheduleAsync(new WorkItem(Guid.NewGuid()), at);

        await Handled.WaitUntilAsync(() => _bus.Peek(ServiceBusEntity.Queue("work")).Count == 1, "the broker to hold the scheduled message");
        var held = Assert.Single(_bus.Peek(ServiceBusEntity.Queue("work")));
        Assert.InRange(held.VisibleFrom, at.AddSeconds(-1), at.AddSeconds(1));
        Assert.Equal(0, held.DeliveryCount);
    }

    [Fact]
    public async Task When_many_messages_are_sent_at_once_Should_reach_the_broker_in_batches()
    {
        var a = await Node("a", (o, asb) => WorkQueue(o, asb, listen: false));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => a.Bus.SendAsync(new WorkItem(Guid.NewGuid())).AsTask()));

        await Handled.WaitUntilAsync(() => _bus.Peek(ServiceBusEntity.Queue("work")).Count == 200, "all 200 messages on the broker");
        Assert.True(_bus.SendBatchSizes.Max() > 1, $"expected batches, got send sizes {string.Join(",", _bus.SendBatchSizes)}");
        Assert.True(_bus.SendBatchSizes.Count < 200);
    }

    [Fact]
    public async Task When_azure_dead_letters_a_message_Should_move_it_to_the_failed_message_store_with_the_reason_and_replay_it_from_there()
    {
        var sender = await Node("sender", (o, asb) => WorkQueue(o, asb, listen: false, maxDeliveryCount: 1));
        var item = new WorkItem(Guid.NewGuid());
        await sender.Bus.SendAsync(item);
        await Handled.WaitUntilAsync(() => _bus.Peek(ServiceBusEntity.Queue("work")).Count == 1, "the message on the broker");
        var other = _bus.CreateClient().CreateReceiver(ServiceBusEntity.Queue("work"));
        await other.AbandonAsync(Assert.Single(await other.ReceiveAsync(1, TimeSpan.Zero, CancellationToken.None)), CancellationToken.None);
        Assert.Single(_bus.Peek(ServiceBusEntity.Queue("work"), deadLetters: true));

        var node = await Node("a", (o, asb) => WorkQueue(o, asb, listen: true, maxDeliveryCount: 1));

        await Handled.WaitUntilAsync(() => node.DeadLettersOf(item.Id).GetAwaiter().GetResult().Count == 1, "the dead letter in the failed-message store");
        var letter = Assert.Single(await node.DeadLettersOf(item.Id));
        Assert.Equal("MaxDeliveryCountExceeded", letter.ExceptionType);
        Assert.Empty(_bus.Peek(ServiceBusEntity.Queue("work"), deadLetters: true));
        Assert.Empty(Handled.Of(item.Id));

        await node.Store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [letter.Id] }, CancellationToken.None);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the replayed message to be handled", 40);
    }

    [Fact]
    public async Task When_installations_send_ingest_work_Should_use_one_queue_each_so_a_stuck_installation_does_not_hold_up_another()
    {
        var node = await Node("a", (o, asb) => asb
            .RouteToQueuePerKey<WorkItem>("ingest", w => w.InstallationId)
            .ListenToQueueFamily("ingest", l => l.UseDurableInbox().MaximumParallelMessages(1).ReceiveBatch(10, TimeSpan.FromMilliseconds(500))));
        var stuck = Enumerable.Range(0, 3).Select(_ => new WorkItem(Guid.NewGuid(), WorkBehaviour.WaitForGate, "slow-ils")).ToList();
        var others = Enumerable.Range(0, 5).Select(_ => new WorkItem(Guid.NewGuid(), InstallationId: "quick-ils")).ToList();

        foreach (var item in stuck) await node.Bus.SendAsync(item);
        await Handled.WaitUntilAsync(() => Handled.StartedCount(stuck[0].Id) == 1, "the stuck installation's first message to start");
        foreach (var item in others) await node.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => others.All(i => Handled.Of(i.Id).Count == 1), "the other installation's messages while the first is stuck");
        Assert.True(_bus.QueueNames("ingest-").Order().SequenceEqual(["ingest-quick-ils", "ingest-slow-ils"]), string.Join(",", _bus.QueueNames("ingest-")));
        Assert.Empty(Handled.Of(stuck[0].Id));
        foreach (var item in stuck) Handled.Open(item.Id);
        await Handled.WaitUntilAsync(() => stuck.All(i => Handled.Of(i.Id).Count == 1), "the stuck installation to finish once released");
    }

    [Fact]
    public async Task When_another_node_creates_a_new_installation_queue_Should_discover_it_and_handle_its_messages()
    {
        var listener = await Node("a", (o, asb) => asb
            .DiscoverQueuesEvery(TimeSpan.FromMilliseconds(300))
            .ListenToQueueFamily("ingest", l => l.UseDurableInbox().ReceiveBatch(10, TimeSpan.FromMilliseconds(500))));
        var sender = await Node("b", (o, asb) => asb.RouteToQueuePerKey<WorkItem>("ingest", w => w.InstallationId));
        var item = new WorkItem(Guid.NewGuid(), InstallationId: "registered-later");

        await sender.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the listening node to discover the queue and handle the message");
        Assert.Equal(["a"], Handled.Of(item.Id));
        _ = listener;
    }

    [Fact]
    public async Task When_an_event_is_published_to_the_topic_Should_reach_every_consumer_subscription()
    {
        string[] consumers = ["customer-view", "holdings-sync", "ibl", "dwh"];
        var node = await Node("a", (o, asb) =>
        {
            foreach (var consumer in consumers) asb.ProvisionSubscription("events", consumer);
            o.PublishMessage<TestEvent>().ToAzureServiceBusTopic("events");
            o.ListenToAzureServiceBusSubscription("events", "ibl").UseDurableInbox().ReceiveBatch(10, TimeSpan.FromMilliseconds(500));
        });
        var e = new TestEvent(Guid.NewGuid());

        await node.Bus.PublishAsync(e);

        await Handled.WaitUntilAsync(() => Handled.Of(e.Id).Count == 1, "the ibl subscription's listener to handle the event");
        foreach (var consumer in consumers.Where(c => c != "ibl"))
            Assert.Single(_bus.Peek(ServiceBusEntity.TopicSubscription("events", consumer)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
    }
}
