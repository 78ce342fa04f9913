using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>
/// A hub whose storage (SQLite folder or PostgreSQL schema) outlives it, so a test can stop it mid-work and start a new
/// one on the same data — the crash half of exactly-once. Holdings sync runs on a fake clock the test moves.
/// </summary>
public sealed class SyncHub : IAsyncDisposable
{
    private readonly TestBackend _backend;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _directory;
    private readonly string? _schema;
    private bool _running;

    private SyncHub(TestBackend backend, Dictionary<string, string?> settings, FakeTimeProvider clock, string? directory, string? schema)
    {
        _backend = backend;
        _settings = settings;
        Clock = clock;
        _directory = directory;
        _schema = schema;
    }

    public HubHost Host { get; private set; } = null!;
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => Host.Services;

    /// <summary>The start of every test's fake day: 1 December 2026, 11:00 in Amsterdam.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static async Task<SyncHub> StartAsync(TestBackend backend, IDictionary<string, string?> settings)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var all = new Dictionary<string, string?>(settings);
        // One node: recover a stopped node's messages at once (Balanced mode waits out a stale-node timeout). The
        // RabbitMQ scale-out runs two nodes, which must not both claim to be alone.
        if (TestBackends.RabbitMqUri is null) all["Bus:Solo"] = "true";
        string? directory = null, schema = null;
        if (backend == TestBackend.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "sync-" + Guid.NewGuid().ToString("N"));
            all["Storage:DataDirectory"] = directory;
        }
        else
        {
            schema = "s" + Guid.NewGuid().ToString("N")[..12];
            all["Storage:Schema"] = schema;
        }
        var hub = new SyncHub(backend, all, new FakeTimeProvider(Start), directory, schema);
        await hub.BootAsync();
        return hub;
    }

    /// <summary>Stops the hub (cancelling whatever it is doing) and starts a new one on the same data and clock.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await BootAsync();
    }

    /// <summary>Stops the hub without starting another.</summary>
    public async Task StopAsync()
    {
        if (!_running) return;
        _running = false;
        await Host.DisposeAsync();
    }

    /// <summary>Starts a hub on the data (after <see cref="StopAsync"/>).</summary>
    public async Task BootAsync()
    {
        var clock = new HoldingsSyncClock(Clock);
        Host = await HubHost.StartAsync(_backend, _settings, builder => builder.Services.AddSingleton(clock));
        _running = true;
    }

    /// <summary>Moves the fake clock on.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* a file still held open by a finishing background task; the temp folder is cleaned by the OS */ }
        }
        if (_schema is not null) await TestBackends.RemoveHubStateAsync(_schema);
    }
}
