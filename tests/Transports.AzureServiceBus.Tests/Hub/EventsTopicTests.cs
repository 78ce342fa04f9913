using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.EventLog;
using Lsb.Hub.Storage;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Hub;

/// <summary>
/// Canonical events on the events topic: the hub announces that the log grew (<see cref="CanonicalEventsAppended"/>), and
/// the holdings projection catches up from the log when the announcement reaches it through the <c>holdings-sync</c>
/// subscription. The events are appended the way another node's commit appears here — without this node's in-process
/// signal — and the projection's own look at the log is set to 10 minutes, so only the topic can wake it in time.
/// Needs PostgreSQL (<c>LSB_TEST_POSTGRES</c>).
/// </summary>
public sealed class EventsTopicTests : IAsyncLifetime
{
    private AzureServiceBusHub? _hub;

    [Fact]
    public async Task When_another_node_commits_events_Should_announce_them_on_the_topic_and_wake_the_holdings_projection_through_its_subscription()
    {
        var hub = _hub = await AzureServiceBusHub.StartAsync(new Dictionary<string, string?> { ["Bus:EventLogPollInterval"] = "00:10:00" });
        var topic = hub.Entity("events");

        var position = await AppendWithoutSignalAsync(hub, Withdrawn("NL-0851010000"));

        await Handled.WaitUntilAsync(() => hub.Namespace.SentTo(topic).Any(m => m.Subject == typeof(CanonicalEventsAppended).FullName
            && Body(m).UpTo >= position), "a notification up to the new event on the topic");
        await Handled.WaitUntilAsync(() => (long)hub.ScalarAsync($"SELECT position FROM {hub.Prefix}.holdings_projection WHERE id = 1").GetAwaiter().GetResult()! >= position,
            "the holdings projection to catch up", 20);
        await Handled.WaitUntilAsync(() => hub.Namespace.Peek(ServiceBusEntity.TopicSubscription(topic, "holdings-sync")).Count == 0,
            "the holdings-sync subscription to be drained");
    }

    private static async Task<long> AppendWithoutSignalAsync(AzureServiceBusHub hub, CanonicalEvent e)
    {
        var database = hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        await using var transaction = await HubDatabase.BeginWriteAsync(connection);
        var position = await EventLogWriter.AppendAsync(connection, transaction, [e], null, DateTimeOffset.UtcNow, CancellationToken.None);
        await transaction.CommitAsync();
        return position;
    }

    private static HoldingWithdrawn Withdrawn(string isil) => new()
    {
        EventId = Guid.NewGuid(),
        Source = new EventSource("another-node-test", Guid.NewGuid().ToString("N")),
        OccurredAt = DateTimeOffset.UtcNow,
        HoldingId = HoldingId.New(),
        OwnerIsil = Isil.Parse(isil),
    };

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static CanonicalEventsAppended Body(OutgoingServiceBusMessage message) =>
        System.Text.Json.JsonSerializer.Deserialize<CanonicalEventsAppended>(message.Body.Span, Json)!;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }
}
