using System.Net.Http.Headers;
using Lsb.Hub.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A real hub, started the way production starts it (HubApplication, Kestrel on a loopback port), on SQLite in a
/// fresh temporary folder or on PostgreSQL in fresh schemas. Disposing stops it and removes its data.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-000000000001";
    public const string PoiKey = "test-poi-key-000000000000001";
    public const string OtherPoiKey = "test-other-poi-key-00000001";
    public const string DwhKey = "test-dwh-key-0000000000000001";
    /// <summary>A test DWH pseudonym key (32 bytes of 0x2A, base64): a published test value, never a real key.</summary>
    public static readonly string DwhPseudonymKey = Convert.ToBase64String(Enumerable.Repeat((byte)0x2A, 32).ToArray());
    public const string Poi = "testpoi";
    public const string OtherPoi = "otherpoi";

    private readonly string? _dataDirectory;
    private readonly string? _schema;
    private readonly Dictionary<string, string?> _config;

    private HubHost(WebApplication app, WebApplication? secondNode, Uri baseAddress, TestBackend backend, string? dataDirectory, string? schema,
        Dictionary<string, string?> config)
    {
        _config = config;
        App = app;
        SecondNode = secondNode;
        BaseAddress = baseAddress;
        Backend = backend;
        _dataDirectory = dataDirectory;
        _schema = schema;
    }

    public WebApplication App { get; }

    /// <summary>The second hub node (PostgreSQL + RabbitMQ scale-out runs), sharing database and broker; null otherwise.</summary>
    public WebApplication? SecondNode { get; }
    public Uri BaseAddress { get; }
    public TestBackend Backend { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>Stops the holdings projection's background service on every node: only ingest's following and explicit
    /// catch-ups move the union index from then on.</summary>
    public async Task StopHoldingsProjectionAsync()
    {
        foreach (var node in new[] { App, SecondNode })
        {
            if (node is null) continue;
            foreach (var service in node.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Hub.Holdings.HoldingsProjectionService>())
                await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Starts a hub. <paramref name="settings"/> override configuration (e.g. mappings path, credentials).</summary>
    public static async Task<HubHost> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var config = new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = AdminKey,
            ["Auth:ApiKeys:0:Name"] = "test-admin",
            ["Auth:ApiKeys:0:Scopes:0"] = Scopes.Admin,
            ["Auth:ApiKeys:1:Key"] = PoiKey,
            ["Auth:ApiKeys:1:Name"] = "test-poi",
            ["Auth:ApiKeys:1:Scopes:0"] = Scopes.PoiPrefix + Poi,
            ["Auth:ApiKeys:2:Key"] = OtherPoiKey,
            ["Auth:ApiKeys:2:Name"] = "other-poi",
            ["Auth:ApiKeys:2:Scopes:0"] = Scopes.PoiPrefix + OtherPoi,
            ["Auth:ApiKeys:3:Key"] = DwhKey,
            ["Auth:ApiKeys:3:Name"] = "test-dwh",
            ["Auth:ApiKeys:3:Scopes:0"] = Scopes.Dwh,
            ["Dwh:PseudonymKey"] = DwhPseudonymKey,
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Ingest:FailureBackoff"] = "00:00:00.200",
            ["Ingest:MaxBackoff"] = "00:00:02",
            ["Ingest:RegistryRefresh"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        string? dataDirectory = null, schema = null;
        if (backend == TestBackend.Sqlite)
        {
            dataDirectory = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", Guid.NewGuid().ToString("N"));
            config["Storage:Provider"] = "Sqlite";
            config["Storage:DataDirectory"] = dataDirectory;
        }
        else
        {
            schema = "t" + Guid.NewGuid().ToString("N")[..12];
            config["Storage:Provider"] = "Postgres";
            config["Storage:ConnectionString"] = TestBackends.PostgresConnectionString;
            config["Storage:Schema"] = schema;
            if (TestBackends.RabbitMqUri is { } rabbit)
            {
                config["Bus:Transport"] = "RabbitMq";
                config["Bus:RabbitMqUri"] = rabbit;
                config["Bus:QueuePrefix"] = schema;
            }
        }
        if (settings is not null)
            foreach (var (key, value) in settings) config[key] = value;

        var app = await LaunchAsync(config, configure);
        WebApplication? second = null;
        // Scale-out runs two nodes; a test that pins Bus:Transport to Local (inline ingest) runs one, on local queues.
        if (backend == TestBackend.Postgres && TestBackends.RabbitMqUri is not null && config.GetValueOrDefault("Bus:Transport") == "RabbitMq")
            second = await LaunchAsync(config, configure);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubHost(app, second, new Uri(address), backend, dataDirectory, schema, config);
    }

    /// <summary>Starts one more node on this hub's storage (and broker), with <paramref name="settings"/> over the hub's
    /// configuration. The caller stops and disposes it, before it disposes the host.</summary>
    public Task<WebApplication> StartNodeAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var config = new Dictionary<string, string?>(_config);
        if (settings is not null)
            foreach (var (key, value) in settings) config[key] = value;
        return LaunchAsync(config, configure);
    }

    private static async Task<WebApplication> LaunchAsync(Dictionary<string, string?> config, Action<WebApplicationBuilder>? configure)
    {
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>An HTTP client for the hub with the given API key (none for null).</summary>
    public HttpClient Client(string? apiKey = AdminKey) => ClientOf(BaseAddress, apiKey);

    /// <summary>An HTTP client for the second node when there is one (scale-out runs), else for the first.</summary>
    public HttpClient SecondNodeClient(string? apiKey = AdminKey)
        => ClientOf(SecondNode is null ? BaseAddress : new Uri(SecondNode.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), apiKey);

    private static HttpClient ClientOf(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (SecondNode is not null)
        {
            await SecondNode.StopAsync();
            await SecondNode.DisposeAsync();
        }
        await App.StopAsync();
        var database = App.Services.GetRequiredService<Lsb.Hub.Storage.HubDatabase>();
        await App.DisposeAsync();
        await database.DisposeAsync();
        if (_dataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { /* a file still held open by a finishing background task; the temp folder is cleaned by the OS */ }
        }
        if (_schema is not null) await TestBackends.RemoveHubStateAsync(_schema);
    }
}
