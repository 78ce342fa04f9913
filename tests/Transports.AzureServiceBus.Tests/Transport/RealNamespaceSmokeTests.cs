using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>
/// The transport against a real Azure Service Bus namespace: send and receive, native scheduling, and a message Azure
/// dead-letters reaching the failed-message store. Skipped unless <c>LSB_TEST_AZURE_SERVICEBUS</c> holds a connection
/// string with the Manage right (it creates a queue <c>lsb-smoke-…</c> and deletes it afterwards). See docs/azure.md.
/// </summary>
public sealed class RealNamespaceSmokeTests : IAsyncLifetime
{
    public const string Variable = "LSB_TEST_AZURE_SERVICEBUS";
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;
    private readonly string _queue = "lsb-smoke-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<TestNode> _nodes = [];

    private async Task<TestNode> Node(string name, bool listen)
    {
        if (ConnectionString is null)
            Assert.Skip($"No Azure Service Bus namespace here: set {Variable} to a connection string with the Manage right to run the smoke test (docs/azure.md).");
        var node = await TestNode.StartAsync(name, ServiceBusConnection.FromConnectionString(ConnectionString), (opts, asb) =>
        {
            asb.QueueDefaults(q => q with { LockDuration = TimeSpan.FromSeconds(10), MaxDeliveryCount = 1 });
            opts.PublishMessage<WorkItem>().ToAzureServiceBusQueue(_queue);
            if (listen) opts.ListenToAzureServiceBusQueue(_queue).UseDurableInbox().ReceiveBatch(10, TimeSpan.FromSeconds(2));
        });
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task When_a_real_namespace_is_configured_Should_send_receive_and_schedule_through_it()
    {
        var node = await Node("smoke", listen: true);
        var now = new WorkItem(Guid.NewGuid());
        var later = new WorkItem(Guid.NewGuid());

        await node.Bus.SendAsync(now);
        await node.Bus.ScheduleAsync(later, TimeSpan.FromSeconds(10));

        await Handled.WaitUntilAsync(() => Handled.Of(now.Id).Count == 1, "the message through the real namespace", 60);
        Assert.Empty(Handled.Of(later.Id));
        await Handled.WaitUntilAsync(() => Handled.Of(later.Id).Count == 1, "the scheduled message through the real namespace", 60);
    }

    [Fact]
    public async Task When_azure_dead_letters_a_message_Should_land_in_the_failed_message_store()
    {
        var sender = await Node("smoke-sender", listen: false);
        var item = new WorkItem(Guid.NewGuid());
        await sender.Bus.SendAsync(item);
        await using (var client = new ServiceBusClient(ConnectionString))
        {
            var receiver = client.CreateReceiver(_queue);
            var message = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(message);
            await receiver.AbandonMessageAsync(message);
        }

        var node = await Node("smoke", listen: true);

        await Handled.WaitUntilAsync(() => node.DeadLettersOf(item.Id).GetAwaiter().GetResult().Count == 1, "the dead letter in the failed-message store", 90);
        Assert.Equal("MaxDeliveryCountExceeded", Assert.Single(await node.DeadLettersOf(item.Id)).ExceptionType);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (ConnectionString is not null && _nodes.Count > 0)
        {
            var admin = new ServiceBusAdministrationClient(ConnectionString);
            if (await admin.QueueExistsAsync(_queue)) await admin.DeleteQueueAsync(_queue);
        }
    }
}
