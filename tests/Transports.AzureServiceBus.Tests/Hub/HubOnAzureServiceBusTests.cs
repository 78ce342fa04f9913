using Lsb.Hub.Ingest;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;
using Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Hub;

/// <summary>
/// The hub itself (HubApplication, as <c>serve</c> builds it) with <c>Bus:Transport AzureServiceBus</c> on PostgreSQL,
/// its namespace replaced by the in-memory one: the topic and the consumers' subscriptions are provisioned, and ingest
/// goes through a queue of its own installation into the hub's handler. Needs PostgreSQL (<c>LSB_TEST_POSTGRES</c>).
/// </summary>
public sealed class HubOnAzureServiceBusTests : IAsyncLifetime
{
    private readonly InMemoryServiceBus _bus = new();
    private readonly string _schema = "asb" + Guid.NewGuid().ToString("N")[..10];
    private WebApplication? _hub;

    private static string? Postgres => Environment.GetEnvironmentVariable("LSB_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    private async Task<WebApplication> StartHubAsync()
    {
        if (Postgres is null) Assert.Skip("Needs PostgreSQL: set LSB_TEST_POSTGRES to an Npgsql connection string (CI does).");
        _hub = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = Postgres,
                ["Storage:Schema"] = _schema,
                ["Bus:Transport"] = "AzureServiceBus",
                ["Bus:ServiceBusNamespace"] = "in-memory.servicebus.windows.net",
                ["Bus:QueuePrefix"] = _schema,
                ["Auth:ApiKeys:0:Key"] = "test-admin-key-000000000001",
                ["Auth:ApiKeys:0:Name"] = "test-admin",
                ["Auth:ApiKeys:0:Scopes:0"] = "admin",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton(ServiceBusConnection.FromSeam(_bus.CreateClient(), "in-memory"));
        });
        await _hub.StartAsync();
        return _hub;
    }

    [Fact]
    public async Task When_the_hub_starts_on_azure_service_bus_Should_provision_the_events_topic_with_a_subscription_per_consumer()
    {
        await StartHubAsync();

        foreach (var consumer in new[] { "customer-view", "holdings-sync", "ibl", "dwh" })
            Assert.True(_bus.SubscriptionExists($"{_schema}-events", consumer), $"subscription {consumer} of {_schema}-events");
    }

    [Fact]
    public async Task When_an_ingest_page_is_sent_Should_travel_through_its_installations_own_queue_to_the_hubs_handler()
    {
        var hub = await StartHubAsync();

        await hub.Services.GetRequiredService<IMessageBus>().SendAsync(new IngestChangePage("not-registered", []));

        // The handler ran: an unknown installation is a failure retrying cannot fix, stored at once in the database.
        var store = hub.Services.GetRequiredService<IMessageStore>();
        await Handled.WaitUntilAsync(() => store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 10 }, CancellationToken.None)
            .GetAwaiter().GetResult().Envelopes.Any(e => e.MessageType?.Contains(nameof(IngestChangePage), StringComparison.Ordinal) == true), "the page in the failed-message store", 60);
        Assert.Contains($"{_schema}-ingest-not-registered", _bus.QueueNames($"{_schema}-ingest-"));
        Assert.Empty(_bus.Peek(ServiceBusEntity.Queue($"{_schema}-ingest-not-registered")));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_hub is null) return;
        await _hub.StopAsync();
        await _hub.DisposeAsync();
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE; DROP SCHEMA IF EXISTS {_schema}_bus CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
