using Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Hub;

/// <summary>
/// The hub itself (HubApplication, as <c>serve</c> builds it) with <c>Bus:Transport AzureServiceBus</c> on PostgreSQL, its
/// namespace replaced by the in-memory one. Needs PostgreSQL (<c>LSB_TEST_POSTGRES</c>); skips the test without it.
/// Disposing stops the hub and drops its schemas.
/// </summary>
public sealed class AzureServiceBusHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AzureServiceBusHub(WebApplication app, InMemoryServiceBus bus, string prefix)
    {
        _app = app;
        Namespace = bus;
        Prefix = prefix;
    }

    /// <summary>The in-memory namespace the hub uses.</summary>
    public InMemoryServiceBus Namespace { get; }

    /// <summary>The hub's schema and <c>Bus:QueuePrefix</c>.</summary>
    public string Prefix { get; }

    public IServiceProvider Services => _app.Services;

    public IMessageBus Bus => Services.GetRequiredService<IMessageBus>();

    private static string? Postgres => Environment.GetEnvironmentVariable("LSB_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>The entity <c>{prefix}-{suffix}</c>.</summary>
    public string Entity(string suffix) => $"{Prefix}-{suffix}";

    /// <summary>Starts a hub; <paramref name="settings"/> add to or override the defaults.</summary>
    public static async Task<AzureServiceBusHub> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assert.SkipWhen(Postgres is null, "Needs PostgreSQL: set LSB_TEST_POSTGRES to an Npgsql connection string (CI does).");
        var bus = new InMemoryServiceBus();
        var prefix = "asb" + Guid.NewGuid().ToString("N")[..10];
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = Postgres,
            ["Storage:Schema"] = prefix,
            ["Bus:Transport"] = "AzureServiceBus",
            ["Bus:ServiceBusNamespace"] = "in-memory.servicebus.windows.net",
            ["Bus:QueuePrefix"] = prefix,
            ["Auth:ApiKeys:0:Key"] = "test-admin-key-000000000001",
            ["Auth:ApiKeys:0:Name"] = "test-admin",
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton(ServiceBusConnection.FromSeam(bus.CreateClient(), "in-memory"));
        });
        var hub = new AzureServiceBusHub(app, bus, prefix);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    /// <summary>Waits until the namespace has accepted a message of type <typeparamref name="T"/> for the entity.</summary>
    public async Task<Seam.OutgoingServiceBusMessage> SentAsync<T>(string entity, int seconds = 30)
    {
        Seam.OutgoingServiceBusMessage? found = null;
        await Transport.Handled.WaitUntilAsync(() => (found = Namespace.SentTo(entity).LastOrDefault(m => m.Subject == typeof(T).FullName)) is not null,
            $"a {typeof(T).Name} sent to {entity}", seconds);
        return found!;
    }

    /// <summary>The status of a message in the hub's durable inbox (<c>Incoming</c>, <c>Scheduled</c>, <c>Handled</c>), or
    /// null when the inbox does not hold it.</summary>
    public async Task<string?> InboxStatusAsync(string messageId)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT status FROM {Prefix}_bus.wolverine_incoming_envelopes WHERE id = @id", connection);
        query.Parameters.AddWithValue("id", Guid.Parse(messageId));
        return await query.ExecuteScalarAsync() as string;
    }

    /// <summary>Runs a query (name the hub's tables <c>{Prefix}.table</c>).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        return await query.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Prefix} CASCADE; DROP SCHEMA IF EXISTS {Prefix}_bus CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
