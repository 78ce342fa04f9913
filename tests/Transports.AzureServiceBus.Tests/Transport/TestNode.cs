using JasperFx;
using JasperFx.CodeGeneration;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Sqlite;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>
/// A Wolverine node on the Azure Service Bus transport (or another broker's), the way the hub runs it: its message store (inbox, outbox, dead
/// letters) in its own SQLite file, Solo durability, the hub's kind of retry policy (immediate retry, scheduled retry,
/// then the failed-message store). Disposing stops it and removes its file.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly string _directory;

    private TestNode(IHost host, string directory, string name)
    {
        Host = host;
        _directory = directory;
        Name = name;
    }

    public IHost Host { get; }
    public string Name { get; }
    public IMessageBus Bus => Host.Services.GetRequiredService<IMessageBus>();
    public IMessageStore Store => Host.Services.GetRequiredService<IMessageStore>();

    public static Task<TestNode> StartAsync(string name, IServiceBusClientSeam client, Action<WolverineOptions, AzureServiceBusConfiguration> configure) =>
        StartAsync(name, ServiceBusConnection.FromSeam(client, "fake"), configure);

    public static Task<TestNode> StartAsync(string name, ServiceBusConnection connection, Action<WolverineOptions, AzureServiceBusConfiguration> configure) =>
        StartAsync(name, opts => configure(opts, opts.UseHubAzureServiceBus(connection).AutoProvision()));

    /// <summary>Starts a node on whatever transport <paramref name="configure"/> adds (RabbitMqTransportBehaviour: RabbitMQ).</summary>
    public static async Task<TestNode> StartAsync(string name, Action<WolverineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var directory = Path.Combine(Path.GetTempPath(), "lsb-asb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var host = await Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging =>
            {
                // LSB_TEST_LOG=1 shows what the nodes do (Wolverine and the transport), for debugging a failing test.
                logging.ClearProviders();
                if (Environment.GetEnvironmentVariable("LSB_TEST_LOG") == "1") logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
                else logging.AddFilter(_ => false);
            })
            .UseWolverine(opts =>
            {
                opts.ApplicationAssembly = typeof(TestNode).Assembly;
                opts.ServiceName = "asb-transport-tests";
                opts.Services.AddSingleton(new NodeName(name));
                opts.PersistMessagesWithSqlite($"Data Source={Path.Combine(directory, "messages.db")}");
                opts.Durability.Mode = DurabilityMode.Solo;
                opts.Durability.ScheduledJobFirstExecution = TimeSpan.FromMilliseconds(100);
                opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(250);
                opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
                opts.UseSystemTextJsonForSerialization();
                opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
                opts.UseRuntimeCompilation();
                opts.Policies.OnException<InjectedFailureException>()
                    .RetryOnce()
                    .Then.ScheduleRetry(TimeSpan.FromMilliseconds(300))
                    .Then.MoveToErrorQueue();
                configure(opts);
            })
            .StartAsync();
        return new TestNode(host, directory, name);
    }

    /// <summary>The failed-message store's entries for one test message (found by the id in its body).</summary>
    public async Task<IReadOnlyList<DeadLetterEnvelope>> DeadLettersOf(Guid id)
    {
        var results = await Store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = 500 }, CancellationToken.None);
        return [.. results.Envelopes.Where(e => e.Envelope.Data is { } data && System.Text.Encoding.UTF8.GetString(data).Contains(id.ToString(), StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (ObjectDisposedException)
        {
            // A crashed node's client refuses to settle during shutdown; that is the point of crashing it.
        }
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still open by a finishing background task; the OS cleans the temp folder */ }
    }
}
