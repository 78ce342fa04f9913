using System.Text;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Time.Testing;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>The fake follows Service Bus's rules; the transport tests rely on it, so its rules are tested first.</summary>
public sealed class FakeBrokerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryServiceBus _bus;
    private readonly InMemoryServiceBusClient _client;
    private readonly ServiceBusEntity _queue = ServiceBusEntity.Queue("q");

    public FakeBrokerTests()
    {
        _bus = new InMemoryServiceBus(_time);
        _bus.CreateQueue(new QueueDefinition { Name = "q", LockDuration = TimeSpan.FromSeconds(30), MaxDeliveryCount = 3, DefaultTimeToLive = TimeSpan.FromHours(1) });
        _client = _bus.CreateClient();
    }

    private static OutgoingServiceBusMessage Message(string id = "m1") => new() { MessageId = id, Body = Encoding.UTF8.GetBytes("{}"), Subject = "test" };

    private Task<IReadOnlyList<ReceivedServiceBusMessage>> Receive(IServiceBusReceiverSeam receiver) => receiver.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public async Task When_a_message_is_locked_Should_be_invisible_to_another_receiver_until_the_lock_expires_and_then_come_with_delivery_count_2()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        var first = await Receive(_client.CreateReceiver(_queue));
        var other = _bus.CreateClient().CreateReceiver(_queue);

        Assert.Equal(1, Assert.Single(first).DeliveryCount);
        Assert.Empty(await Receive(other));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(2, Assert.Single(await Receive(other)).DeliveryCount);
    }

    [Fact]
    public async Task When_a_lock_expired_Should_refuse_to_complete_with_lock_lost()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        var receiver = _client.CreateReceiver(_queue);
        var message = Assert.Single(await Receive(receiver));
        _time.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<ServiceBusLockLostException>(() => receiver.CompleteAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task When_a_lock_is_renewed_Should_hold_past_the_original_lock_duration()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        var receiver = _client.CreateReceiver(_queue);
        var message = Assert.Single(await Receive(receiver));
        _time.Advance(TimeSpan.FromSeconds(20));
        var until = await receiver.RenewLockAsync(message, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(10), until);
        Assert.Empty(await Receive(_bus.CreateClient().CreateReceiver(_queue)));
        await receiver.CompleteAsync(message, CancellationToken.None);
        Assert.Empty(_bus.Peek(_queue));
    }

    [Fact]
    public async Task When_a_message_is_abandoned_as_often_as_the_max_delivery_count_Should_land_in_the_dead_letter_sub_queue_with_that_reason()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        var receiver = _client.CreateReceiver(_queue);
        for (var i = 0; i < 3; i++) await receiver.AbandonAsync(Assert.Single(await Receive(receiver)), CancellationToken.None);

        Assert.Empty(_bus.Peek(_queue));
        var dead = Assert.Single(await Receive(_client.CreateReceiver(_queue, deadLetterSubQueue: true)));
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Equal("m1", dead.MessageId);
    }

    [Fact]
    public async Task When_a_message_is_scheduled_Should_stay_hidden_until_its_enqueue_time()
    {
        var message = Message();
        message.ScheduledEnqueueTime = _time.GetUtcNow().AddMinutes(5);
        await _client.CreateSender("q").SendAsync([message], CancellationToken.None);
        var receiver = _client.CreateReceiver(_queue);

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await Receive(receiver));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await Receive(receiver));
    }

    [Fact]
    public async Task When_a_message_outlives_its_time_to_live_Should_be_dead_lettered_as_expired()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await Receive(_client.CreateReceiver(_queue)));
        Assert.Equal("TTLExpiredException", Assert.Single(_bus.Peek(_queue, deadLetters: true)).DeadLetterReason);
    }

    [Fact]
    public async Task When_the_same_message_id_is_sent_twice_within_the_window_Should_keep_one()
    {
        var sender = _client.CreateSender("q");
        await sender.SendAsync([Message("same")], CancellationToken.None);
        await sender.SendAsync([Message("same")], CancellationToken.None);

        Assert.Single(_bus.Peek(_queue));
    }

    [Fact]
    public async Task When_a_client_crashed_Should_fail_every_operation_and_its_locks_expire_for_the_others()
    {
        await _client.CreateSender("q").SendAsync([Message()], CancellationToken.None);
        var receiver = _client.CreateReceiver(_queue);
        var message = Assert.Single(await Receive(receiver));
        _client.Crash();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => receiver.CompleteAsync(message, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Single(await Receive(_bus.CreateClient().CreateReceiver(_queue)));
    }

    [Fact]
    public async Task When_a_message_is_sent_to_a_topic_Should_give_each_subscription_its_own_copy()
    {
        _bus.CreateTopic("events");
        foreach (var name in new[] { "customer-view", "dwh" }) _bus.CreateSubscription(new SubscriptionDefinition { Topic = "events", Name = name });
        await _client.CreateSender("events").SendAsync([Message()], CancellationToken.None);

        var dwh = _client.CreateReceiver(ServiceBusEntity.TopicSubscription("events", "dwh"));
        var message = Assert.Single(await Receive(dwh));
        await dwh.CompleteAsync(message, CancellationToken.None);
        Assert.Single(_bus.Peek(ServiceBusEntity.TopicSubscription("events", "customer-view")));
    }
}
