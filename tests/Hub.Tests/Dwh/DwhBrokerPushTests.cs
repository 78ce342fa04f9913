using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>Push delivery of the DWH feed over RabbitMQ: a DWH queue bound to the hub's exchange receives every event.</summary>
public sealed class DwhBrokerPushTests : IAsyncLifetime
{
    private WiseWorld? _world;
    private IConnection? _rabbit;
    private IChannel? _channel;
    private readonly string _queue = "dwh-test-" + Guid.NewGuid().ToString("N")[..8];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.QueueDeleteAsync(_queue);
            await _channel.DisposeAsync();
        }
        if (_rabbit is not null) await _rabbit.DisposeAsync();
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_the_dwh_binds_a_queue_to_the_exchange_Should_receive_every_event_of_the_log_in_batches()
    {
        if (TestBackends.RabbitMqUri is null) Assert.Skip($"Needs RabbitMQ: set {TestBackends.RabbitMqVariable} (and {TestBackends.PostgresVariable}); CI does.");
        _world = await WiseWorld.StartAsync(TestBackend.Postgres, new Dictionary<string, string?> { ["Dwh:PushToBroker"] = "true", ["Dwh:PushBatchSize"] = "50" },
            beforeRegistration: async hub =>
            {
                var prefix = hub.Services.GetRequiredService<IConfiguration>()["Bus:QueuePrefix"];
                _rabbit = await new ConnectionFactory { Uri = new Uri(TestBackends.RabbitMqUri) }.CreateConnectionAsync();
                _channel = await _rabbit.CreateChannelAsync();
                await _channel.QueueDeclareAsync(_queue, durable: false, exclusive: false, autoDelete: false);
                await _channel.QueueBindAsync(_queue, $"{prefix}-dwh", routingKey: "");
            });
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        var log = await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= stats.Items, "the seed");

        var received = new SortedSet<long>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.Count < log.Count && DateTime.UtcNow < deadline)
        {
            var message = await _channel!.BasicGetAsync(_queue, autoAck: true);
            if (message is null)
            {
                await Task.Delay(100);
                continue;
            }
            using var batch = JsonDocument.Parse(message.Body);
            foreach (var e in batch.RootElement.GetProperty("events").EnumerateArray())
            {
                Assert.DoesNotContain("mbr-", e.GetRawText(), StringComparison.Ordinal);
                received.Add(e.GetProperty("position").GetInt64());
            }
        }
        Assert.Equal(log.Select(e => e.GetProperty("position").GetInt64()), received.Take(log.Count));
    }
}
