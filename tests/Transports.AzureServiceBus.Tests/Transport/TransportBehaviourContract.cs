using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>
/// What the hub needs of any broker transport, written once: send and receive, competing consumers, retries ending in
/// the database's failed-message store, scheduled delivery, redelivery after a node crashes before completing, a lost
/// acknowledgement handled once, and the outbox surviving a broker outage. A backend runs it with a short subclass
/// that says how to start a node and how to break one: <see cref="FakeServiceBusTransportBehaviour"/> (Azure Service Bus
/// transport, in-memory namespace), <see cref="RabbitMq.RabbitMqTransportBehaviour"/> (Wolverine's RabbitMQ transport,
/// a real broker from <c>LSB_TEST_RABBITMQ</c>).
/// </summary>
public abstract class TransportBehaviourContract : IAsyncLifetime
{
    protected const string Queue = "work";
    private readonly List<TestNode> _nodes = [];

    /// <summary>Starts a node that sends <see cref="WorkItem"/> to <see cref="Queue"/> and, when <paramref name="listens"/>,
    /// handles it there (<paramref name="inline"/>: in the receive loop, holding the broker's lock; else through the
    /// durable inbox).</summary>
    protected abstract Task<TestNode> StartNodeAsync(string name, bool listens, bool inline = false);

    /// <summary>Kills the node's connection as if the process died: nothing is settled, locks run out on their own.</summary>
    protected abstract void Crash(TestNode node);

    /// <summary>Makes the next <paramref name="count"/> sends of the node fail.</summary>
    protected abstract void FailSends(TestNode node, int count);

    /// <summary>Makes the node's acknowledgements fail (or work again).</summary>
    protected abstract void FailCompletes(TestNode node, bool fail);

    /// <summary>How many messages the broker still holds in <see cref="Queue"/> (and in its own dead-letter queue).</summary>
    protected abstract (int Queue, int DeadLetters) BrokerCounts();

    protected async Task<TestNode> Node(string name, bool listens = true, bool inline = false)
    {
        var node = await StartNodeAsync(name, listens, inline);
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task When_a_message_is_sent_Should_be_handled_once_and_leave_the_broker_empty()
    {
        var node = await Node("a");
        var item = new WorkItem(Guid.NewGuid());

        await node.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the message to be handled");
        await Handled.WaitUntilAsync(() => BrokerCounts() == (0, 0), "the queue to be empty");
        await Task.Delay(500);
        Assert.Equal(["a"], Handled.Of(item.Id));
    }

    [Fact]
    public async Task When_two_nodes_listen_to_one_queue_Should_share_the_messages_and_handle_each_exactly_once()
    {
        // Inline listeners hold each message until handled, so a node takes only what it is working on.
        var a = await Node("a", inline: true);
        var b = await Node("b", inline: true);
        var items = Enumerable.Range(0, 60).Select(_ => new WorkItem(Guid.NewGuid(), WorkBehaviour.Slow, HandleMilliseconds: 20)).ToList();

        foreach (var item in items) await a.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => Handled.Count(items.Select(i => i.Id)) >= items.Count, "all messages to be handled", 60);
        await Task.Delay(500);
        Assert.All(items, i => Assert.Single(Handled.Of(i.Id)));
        var byNode = items.GroupBy(i => Handled.Of(i.Id)[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byNode.Count == 2, $"both nodes should have handled messages, got {string.Join(", ", byNode)}");
        _ = b;
    }

    [Fact]
    public async Task When_a_handler_keeps_failing_Should_end_in_the_database_failed_message_store_and_not_on_the_broker()
    {
        var node = await Node("a");
        var item = new WorkItem(Guid.NewGuid(), WorkBehaviour.AlwaysFail);

        await node.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => node.DeadLettersOf(item.Id).GetAwaiter().GetResult().Count == 1, "the failure in the failed-message store");
        var failure = Assert.Single(await node.DeadLettersOf(item.Id));
        Assert.Contains(nameof(InjectedFailureException), failure.ExceptionType, StringComparison.Ordinal);
        Assert.True(Handled.StartedCount(item.Id) >= 3, $"the handler should have been tried 3 times (immediate retry, scheduled retry), was {Handled.StartedCount(item.Id)}");
        await Handled.WaitUntilAsync(() => BrokerCounts() == (0, 0), "the broker to hold nothing");
    }

    [Fact]
    public async Task When_a_message_is_scheduled_Should_not_be_handled_before_its_time_and_be_handled_after()
    {
        var node = await Node("a");
        var item = new WorkItem(Guid.NewGuid());

        await node.Bus.ScheduleAsync(item, TimeSpan.FromSeconds(3));

        await Task.Delay(1500);
        Assert.Empty(Handled.Of(item.Id));
        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the scheduled message to be handled", 20);
    }

    [Fact]
    public async Task When_a_node_crashes_before_completing_Should_redeliver_the_message_to_another_node()
    {
        var a = await Node("a", inline: true);
        var item = new WorkItem(Guid.NewGuid(), WorkBehaviour.WaitForGate);
        await a.Bus.SendAsync(item);
        await Handled.WaitUntilAsync(() => Handled.StartedCount(item.Id) == 1, "node a to start handling");

        Crash(a);
        var b = await Node("b", inline: true);
        await Task.Delay(300);
        Handled.Open(item.Id);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Contains("b"), "node b to handle the redelivered message", 30);
        Assert.True(Handled.StartedCount(item.Id) >= 2);
    }

    [Fact]
    public async Task When_the_acknowledgement_is_lost_after_the_inbox_stored_the_message_Should_redeliver_it_and_handle_it_once()
    {
        var node = await Node("a");
        FailCompletes(node, true);
        var item = new WorkItem(Guid.NewGuid());

        await node.Bus.SendAsync(item);
        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the message to be handled");
        FailCompletes(node, false);

        await Handled.WaitUntilAsync(() => BrokerCounts() == (0, 0), "the redelivered copy to be completed", 30);
        await Task.Delay(500);
        Assert.Single(Handled.Of(item.Id));
    }

    [Fact]
    public async Task When_the_broker_refuses_sends_at_commit_Should_deliver_from_the_outbox_once_it_accepts_again()
    {
        var node = await Node("a");
        FailSends(node, 3);
        var item = new WorkItem(Guid.NewGuid());

        await node.Bus.SendAsync(item);

        await Handled.WaitUntilAsync(() => Handled.Of(item.Id).Count == 1, "the message to arrive after the outage", 60);
        await Task.Delay(500);
        Assert.Single(Handled.Of(item.Id));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await RemoveBrokerStateAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what the test left on a broker that outlives it (queues on a shared RabbitMQ), after the nodes stopped.</summary>
    protected virtual ValueTask RemoveBrokerStateAsync() => ValueTask.CompletedTask;
}
