using Azure.Messaging.ServiceBus;
using Lsb.Hub.Transports.AzureServiceBus.Sdk;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Sdk;

/// <summary>The seam's mapping onto the Azure SDK, with the SDK's own test helpers (no namespace needed).</summary>
public sealed class SdkMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static ServiceBusReceivedMessage Received(string id = "m1", IDictionary<string, object>? properties = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: new BinaryData("{\"id\":1}"u8.ToArray()), messageId: id, correlationId: "corr", subject: "WorkItem", contentType: "application/json",
            properties: properties ?? new Dictionary<string, object> { ["attempts"] = "2" }, lockTokenGuid: Guid.Parse("5b4d4a38-2b4f-4a8f-9a43-5d1f1c1e8a01"),
            deliveryCount: 3, lockedUntil: Now.AddSeconds(60), sequenceNumber: 42, enqueuedTime: Now, sessionId: "s1");

    [Fact]
    public void When_an_outgoing_message_is_mapped_Should_carry_id_body_type_correlation_schedule_ttl_and_properties()
    {
        var outgoing = new OutgoingServiceBusMessage
        {
            MessageId = "id-1", Body = "{}"u8.ToArray(), ContentType = "application/json", CorrelationId = "corr", Subject = "WorkItem",
            ScheduledEnqueueTime = Now.AddMinutes(5), TimeToLive = TimeSpan.FromHours(1),
        };
        outgoing.ApplicationProperties["tenant-id"] = "x";

        var sdk = SdkMessageMapping.ToSdk(outgoing);

        Assert.Equal(("id-1", "{}", "application/json", "corr", "WorkItem"), (sdk.MessageId, sdk.Body.ToString(), sdk.ContentType, sdk.CorrelationId, sdk.Subject));
        Assert.Equal(Now.AddMinutes(5), sdk.ScheduledEnqueueTime);
        Assert.Equal(TimeSpan.FromHours(1), sdk.TimeToLive);
        Assert.Equal("x", sdk.ApplicationProperties["tenant-id"]);
    }

    [Fact]
    public void When_a_received_message_is_mapped_Should_carry_lock_token_delivery_count_lock_expiry_and_properties()
    {
        var received = SdkMessageMapping.FromSdk(Received());

        Assert.Equal(("m1", "corr", "WorkItem", "application/json", "s1"), (received.MessageId, received.CorrelationId, received.Subject, received.ContentType, received.SessionId));
        Assert.Equal("{\"id\":1}", System.Text.Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal(("5b4d4a38-2b4f-4a8f-9a43-5d1f1c1e8a01", 3, 42L), (received.LockToken, received.DeliveryCount, received.SequenceNumber));
        Assert.Equal(Now.AddSeconds(60), received.LockedUntil);
        Assert.Equal("2", received.ApplicationProperties["attempts"]);
    }

    [Fact]
    public void When_a_dead_lettered_message_is_mapped_Should_carry_the_brokers_reason_and_description()
    {
        var received = SdkMessageMapping.FromSdk(Received(properties: new Dictionary<string, object>
        {
            ["DeadLetterReason"] = "MaxDeliveryCountExceeded",
            ["DeadLetterErrorDescription"] = "Message could not be consumed after 10 delivery attempts.",
        }));

        Assert.Equal("MaxDeliveryCountExceeded", received.DeadLetterReason);
        Assert.Equal("Message could not be consumed after 10 delivery attempts.", received.DeadLetterErrorDescription);
    }

    [Fact]
    public async Task When_messages_do_not_fit_one_batch_Should_send_several_batches_in_order()
    {
        var sdk = new RecordingServiceBusSender(messagesPerBatch: 2);
        var sender = new SdkSender(sdk);

        await sender.SendAsync([.. Enumerable.Range(1, 5).Select(i => new OutgoingServiceBusMessage { MessageId = $"m{i}", Body = "{}"u8.ToArray() })], CancellationToken.None);

        Assert.Equal([["m1", "m2"], ["m3", "m4"], ["m5"]], sdk.Sent.Select(b => b.Select(m => m.MessageId).ToArray()).ToArray());
    }

    [Fact]
    public async Task When_one_message_is_larger_than_an_empty_batch_Should_refuse_it_as_too_large()
    {
        var sender = new SdkSender(new RecordingServiceBusSender(messagesPerBatch: 10));

        await Assert.ThrowsAsync<ServiceBusMessageTooLargeException>(() =>
            sender.SendAsync([new OutgoingServiceBusMessage { MessageId = "big", Body = new byte[4096] }], CancellationToken.None));
    }

    [Fact]
    public async Task When_messages_are_settled_Should_complete_abandon_dead_letter_and_renew_the_sdk_message()
    {
        var sdk = new RecordingServiceBusReceiver(Received("m1"));
        var receiver = new SdkReceiver(sdk, ServiceBusEntity.Queue("work"), deadLetterSubQueue: false);
        var message = Assert.Single(await receiver.ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None));

        await receiver.RenewLockAsync(message, CancellationToken.None);
        await receiver.AbandonAsync(message, CancellationToken.None);
        await receiver.DeadLetterAsync(message, "UnreadableMessage", "bad json", CancellationToken.None);
        await receiver.CompleteAsync(message, CancellationToken.None);

        Assert.Equal(["renew m1", "abandon m1", "dead-letter m1 UnreadableMessage: bad json", "complete m1"], sdk.Calls);
    }

    [Fact]
    public async Task When_the_sdk_reports_a_lost_lock_Should_raise_the_seams_lock_lost_exception()
    {
        var sdk = new RecordingServiceBusReceiver(Received("m1"));
        var receiver = new SdkReceiver(sdk, ServiceBusEntity.Queue("work"), deadLetterSubQueue: false);
        var message = Assert.Single(await receiver.ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None));
        sdk.LockLost = true;

        await Assert.ThrowsAsync<ServiceBusLockLostException>(() => receiver.CompleteAsync(message, CancellationToken.None));
        await Assert.ThrowsAsync<ServiceBusLockLostException>(() => receiver.RenewLockAsync(message, CancellationToken.None));
    }

    [Fact]
    public void When_a_queue_is_provisioned_Should_ask_for_the_lock_duration_delivery_count_expiry_and_duplicate_detection_given()
    {
        var options = SdkAdmin.ToOptions(new QueueDefinition
        {
            Name = "lsb-ingest-x", LockDuration = TimeSpan.FromSeconds(90), MaxDeliveryCount = 7, DefaultTimeToLive = TimeSpan.FromDays(14),
            DuplicateDetectionWindow = TimeSpan.FromMinutes(30),
        });

        Assert.Equal(("lsb-ingest-x", TimeSpan.FromSeconds(90), 7, TimeSpan.FromDays(14)), (options.Name, options.LockDuration, options.MaxDeliveryCount, options.DefaultMessageTimeToLive));
        Assert.True(options.RequiresDuplicateDetection);
        Assert.True(options.DeadLetteringOnMessageExpiration);
        Assert.Equal(TimeSpan.FromMinutes(30), options.DuplicateDetectionHistoryTimeWindow);
    }

    [Fact]
    public void When_a_subscription_has_a_filter_Should_replace_the_default_rule_with_that_sql_filter()
    {
        var filtered = SdkAdmin.ToRule(new SubscriptionDefinition { Topic = "lsb-events", Name = "dwh", SqlFilter = "sys.Label = 'Lsb.Hub.Dwh.DwhEventBatch'" });
        var open = SdkAdmin.ToRule(new SubscriptionDefinition { Topic = "lsb-events", Name = "ibl" });

        Assert.Equal("$Default", filtered!.Name);
        Assert.Equal("sys.Label = 'Lsb.Hub.Dwh.DwhEventBatch'", Assert.IsType<Azure.Messaging.ServiceBus.Administration.SqlRuleFilter>(filtered.Filter).SqlExpression);
        Assert.Null(open);
    }
}
