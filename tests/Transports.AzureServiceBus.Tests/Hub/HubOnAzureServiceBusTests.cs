using Lsb.Hub.Bus;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ibl.Timers;
using Lsb.Hub.Ingest;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;
using Wolverine.Runtime.Routing;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Hub;

/// <summary>
/// The hub itself with <c>Bus:Transport AzureServiceBus</c> on PostgreSQL and the in-memory namespace
/// (<see cref="AzureServiceBusHub"/>): the topic and the consumers' subscriptions are provisioned, and the hub's own work
/// (ingest, IBL, holdings sync) goes through Service Bus queues into the durable inbox and the hub's handlers. Needs
/// PostgreSQL (<c>LSB_TEST_POSTGRES</c>).
/// </summary>
public sealed class HubOnAzureServiceBusTests : IAsyncLifetime
{
    private AzureServiceBusHub? _hub;

    private async Task<AzureServiceBusHub> StartHubAsync() => _hub = await AzureServiceBusHub.StartAsync();

    [Fact]
    public async Task When_the_hub_starts_on_azure_service_bus_Should_provision_the_events_topic_with_a_subscription_per_consumer()
    {
        var hub = await StartHubAsync();

        foreach (var consumer in new[] { "customer-view", "holdings-sync", "ibl", "dwh" })
            Assert.True(hub.Namespace.SubscriptionExists(hub.Entity("events"), consumer), $"subscription {consumer} of {hub.Entity("events")}");
    }

    [Fact]
    public async Task When_an_ingest_page_is_sent_Should_travel_through_its_installations_own_queue_to_the_hubs_handler()
    {
        var hub = await StartHubAsync();

        await hub.Bus.SendAsync(new IngestChangePage("not-registered", []));

        // The handler ran: an unknown installation is a failure retrying cannot fix, stored at once in the database.
        var store = hub.Services.GetRequiredService<IMessageStore>();
        await Handled.WaitUntilAsync(() => store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 10 }, CancellationToken.None)
            .GetAwaiter().GetResult().Envelopes.Any(e => e.MessageType?.Contains(nameof(IngestChangePage), StringComparison.Ordinal) == true), "the page in the failed-message store", 60);
        Assert.Contains(hub.Entity("ingest-not-registered"), hub.Namespace.QueueNames(hub.Entity("ingest-")));
        Assert.Empty(hub.Namespace.Peek(ServiceBusEntity.Queue(hub.Entity("ingest-not-registered"))));
    }

    [Fact]
    public async Task When_an_ibl_step_is_due_Should_travel_through_the_ibl_queue_and_be_handled_from_the_durable_inbox()
    {
        var hub = await StartHubAsync();

        await hub.Bus.SendAsync(new IblStepDue("ibl-not-there", "step-not-there"));

        await AssertHandledThroughQueueAsync<IblStepDue>(hub, "ibl");
    }

    [Fact]
    public async Task When_an_ibl_timer_is_set_Should_be_a_scheduled_message_the_broker_holds_until_it_is_due()
    {
        var hub = await StartHubAsync();
        var dueAt = DateTimeOffset.UtcNow.AddMinutes(30);

        await hub.Services.GetRequiredService<IblScheduler>().ScheduleAsync(hub.Bus, new IblTimerDue("ibl-not-there", IblTimerKind.LenderReminder, 1, dueAt));

        var sent = await hub.SentAsync<IblTimerDue>(hub.Entity("ibl"));
        Assert.NotNull(sent.ScheduledEnqueueTime);
        Assert.InRange(sent.ScheduledEnqueueTime.Value, dueAt.AddSeconds(-10), dueAt.AddSeconds(10));
        var held = Assert.Single(hub.Namespace.Peek(ServiceBusEntity.Queue(hub.Entity("ibl"))));
        Assert.Equal(sent.MessageId, held.Sent.MessageId);
        Assert.True(held.VisibleFrom > DateTimeOffset.UtcNow.AddMinutes(25), $"the broker should hold the timer until it is due, visible from {held.VisibleFrom:O}");
        // Not a scheduled row in the hub's own store: the broker is what holds it.
        Assert.Null(await hub.InboxStatusAsync(sent.MessageId));
    }

    [Fact]
    public async Task When_a_holdings_delivery_is_queued_Should_travel_through_the_holdings_sync_queue_and_be_handled_from_the_durable_inbox()
    {
        var hub = await StartHubAsync();

        await hub.Bus.SendAsync(new DeliverHoldingsBatch("NL-0000000000", "batch-not-there"));

        await AssertHandledThroughQueueAsync<DeliverHoldingsBatch>(hub, "holdings-sync");
    }

    /// <summary>The namespace accepted a <typeparamref name="T"/> for the queue, the hub's inbox holds it as handled, and the
    /// queue is empty (the unknown request / batch makes the handler a no-op, so "handled" is all it leaves).</summary>
    private static async Task AssertHandledThroughQueueAsync<T>(AzureServiceBusHub hub, string queue)
    {
        var sent = await hub.SentAsync<T>(hub.Entity(queue));
        await Handled.WaitUntilAsync(() => hub.InboxStatusAsync(sent.MessageId).GetAwaiter().GetResult() == "Handled", $"the {typeof(T).Name} handled from the inbox");
        Assert.Empty(hub.Namespace.Peek(ServiceBusEntity.Queue(hub.Entity(queue))));
    }

    [Fact]
    public async Task When_the_hub_runs_on_azure_service_bus_Should_route_every_message_type_it_handles_to_a_durable_endpoint()
    {
        // A type with no route of its own would fall to Wolverine's default local queue: in memory only, lost in a crash.
        var hub = await StartHubAsync();
        var runtime = hub.Services.GetRequiredService<IWolverineRuntime>();

        var handled = HandlerGraphOf(runtime).Chains.Select(c => c.MessageType)
            .Where(t => t.Namespace?.StartsWith("Lsb.Hub", StringComparison.Ordinal) == true).Distinct().ToList();

        Assert.Contains(typeof(IblStepDue), handled);
        var notDurable = handled.Where(type => !RoutedDurablyToTheBroker(runtime, type)).Select(type => type.FullName).ToList();
        Assert.True(notDurable.Count == 0, "not routed to a durable Service Bus endpoint: " + string.Join(", ", notDurable));
        Assert.All(HubWorkQueues.Ibl.Concat(HubWorkQueues.HoldingsSync).Concat(HubWorkQueues.Ingest), t => Assert.Contains(t, handled));
    }

    /// <summary>Wolverine's handler graph: what it actually registered (it keeps the property internal).</summary>
    private static HandlerGraph HandlerGraphOf(IWolverineRuntime runtime) =>
        typeof(WolverineOptions).GetProperty("HandlerGraph", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            ?.GetValue(runtime.Options) as HandlerGraph
        ?? throw new InvalidOperationException("WolverineOptions.HandlerGraph is gone (Wolverine upgrade?): find the handled message types another way.");

    /// <summary>Every route goes to Service Bus with the durable outbox. A per-installation route (ingest) picks its queue per
    /// message, so it only names the family here; its queues are durable through the family's listener (ingest test above).</summary>
    private static bool RoutedDurablyToTheBroker(IWolverineRuntime runtime, Type messageType)
    {
        var routes = runtime.RoutingFor(messageType).Routes;
        return routes.Length > 0 && routes.All(route => route is MessageRoute fixedRoute
            ? fixedRoute.Sender.Endpoint is { Mode: EndpointMode.Durable } endpoint && endpoint.Uri.Scheme == "asb"
            : route.Describe().Endpoint.Scheme == "asb");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }
}
