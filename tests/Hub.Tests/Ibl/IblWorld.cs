using System.Net;
using System.Net.Http.Json;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Ibl;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// Interlibrary loan across installations: a Wise, a V-smart and a Brocade simulator (every library with an institutional patron
/// for every other library, as IBL needs) and one hub that has registered both and ingests them. The hub can be
/// stopped and started again on the same storage. Optionally the IBL clock is a fake one the test moves.
/// On PostgreSQL with <c>LSB_TEST_RABBITMQ</c> set, the hub runs as two nodes on RabbitMQ.
/// </summary>
public sealed class IblWorld : IAsyncDisposable, IIblHub
{
    public const string AdminKey = "ibl-test-admin-key-0000001";
    public const string PoiKey = "ibl-test-poi-key-00000001";
    public const string Poi = "iblpoi";
    public const string WiseInstallation = WiseDefaultTopology.InstallationName;
    public const string BrocadeInstallation = BrocadeDefaultTopology.InstallationName;
    public const string VSmartInstallation = VSmartDefaultTopology.InstallationName;

    private readonly Dictionary<string, string?> _config;
    private readonly TestBackend _backend;
    private readonly string? _dataDirectory;
    private readonly string? _schema;
    private readonly string _brocadeState;

    private IblWorld(TestBackend backend, Dictionary<string, string?> config, WiseSimulatorHost wise, BrocadeSimulatorHost brocade, VSmartSimulatorHost vsmart,
        FakeTimeProvider? clock, string? dataDirectory, string? schema, string brocadeState)
    {
        VSmart = vsmart;
        _backend = backend;
        _config = config;
        Wise = wise;
        Brocade = brocade;
        Clock = clock;
        _dataDirectory = dataDirectory;
        _schema = schema;
        _brocadeState = brocadeState;
    }

    public WiseSimulatorHost Wise { get; }
    public BrocadeSimulatorHost Brocade { get; }
    public VSmartSimulatorHost VSmart { get; }
    public FakeTimeProvider? Clock { get; }
    public WebApplication Hub { get; private set; } = null!;
    public WebApplication? SecondNode { get; private set; }
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => Hub.Services;

    /// <summary>Every library of the world by ISIL: (vendor, installation, vendor library id).</summary>
    public IReadOnlyDictionary<string, (string Vendor, string Installation, string LibraryId)> Libraries { get; private set; } = null!;

    public static string LibraryKey(string isil) => $"ibl-test-library-key-{isil}";

    /// <summary>Starts simulators and hub. <paramref name="fakeClock"/>: the IBL clock is a fake one (timers fire within
    /// 200 ms of <see cref="FakeTimeProvider.Advance"/>). <paramref name="settings"/> override configuration.</summary>
    public static async Task<IblWorld> StartAsync(TestBackend backend, bool fakeClock = false, IDictionary<string, string?>? settings = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 4, ItemsPerLibrary = 8, LoansPerLibrary = 2 });
        var brocadeState = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "ibl-brocade-" + Guid.NewGuid().ToString("N"));
        var brocade = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            MembersPerLibrary = 4, CopiesPerLibrary = 8, LoansPerLibrary = 2, ExportAfterEveryChange = true,
            ExportFolder = Path.Combine(brocadeState, "exports"),
        });
        var vsmart = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 4, CopiesPerLibrary = 8, LoansPerLibrary = 2, OaiPageSize = 50 });
        var vsmartAccess = vsmart.Installation(VSmartInstallation);
        var wiseAccess = wise.Installation(WiseInstallation);
        var libraries = new Dictionary<string, (string, string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in wiseAccess.Libraries) libraries[l.Isil] = ("Wise", WiseInstallation, l.LibraryId);
        foreach (var l in brocade.Installation.Libraries) libraries[l.Isil] = ("Brocade", BrocadeInstallation, l.LibraryCode);
        foreach (var l in vsmartAccess.Libraries) libraries[l.Isil] = ("VSmart", VSmartInstallation, l.LibraryId);
        // IBL needs, at every lending library, an institutional patron per borrowing library (Ibl:InstitutionalPatronPattern).
        foreach (var (lender, (vendor, _, libraryId)) in libraries)
        {
            foreach (var borrower in libraries.Keys.Where(b => b != lender))
            {
                if (vendor == "Wise") wise.Control.AddPatron(WiseInstallation, libraryId, new PatronDraft { CardNumber = $"IBL-{lender}-{borrower}", Category = "IBL", Status = "ACT" });
                else if (vendor == "VSmart") vsmart.Control.AddBorrower(VSmartInstallation, libraryId, new BorrowerDraft { CardNumber = $"IBL-{lender}-{borrower}", Status = "OK" });
                else brocade.Control.AddMember(new MemberDraft { LibraryCode = libraryId, CardNumber = $"IBL-{lender}-{borrower}", Category = "I", Status = "A" });
            }
        }
        var config = new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Key"] = AdminKey,
            ["Auth:ApiKeys:0:Name"] = "ibl-admin",
            ["Auth:ApiKeys:0:Scopes:0"] = Scopes.Admin,
            ["Auth:ApiKeys:1:Key"] = PoiKey,
            ["Auth:ApiKeys:1:Name"] = "ibl-poi",
            ["Auth:ApiKeys:1:Scopes:0"] = Scopes.PoiPrefix + Poi,
            ["Dwh:PseudonymKey"] = HubHost.DwhPseudonymKey,
            ["Auth:ApiKeys:2:Key"] = HubHost.DwhKey,
            ["Auth:ApiKeys:2:Name"] = "ibl-dwh",
            ["Auth:ApiKeys:2:Scopes:0"] = Scopes.Dwh,
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Ingest:FailureBackoff"] = "00:00:00.200",
            ["Ingest:MaxBackoff"] = "00:00:02",
            ["Ingest:RegistryRefresh"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Ibl:OutboxSweep"] = "00:00:01",
            [$"Credentials:{WiseInstallation}:AppId"] = wiseAccess.AppId,
            [$"Credentials:{WiseInstallation}:AppKey"] = wiseAccess.AppKey,
            [$"Credentials:{BrocadeInstallation}:SipUser"] = brocade.Installation.SipUser,
            [$"Credentials:{BrocadeInstallation}:SipPassword"] = brocade.Installation.SipPassword,
            [$"Credentials:{VSmartInstallation}:Username"] = vsmartAccess.Username,
            [$"Credentials:{VSmartInstallation}:Password"] = vsmartAccess.Password,
            ["Adapters:Brocade:StateDirectory"] = Path.Combine(brocadeState, "adapter"),
        };
        var n = 3;
        foreach (var isil in libraries.Keys)
        {
            config[$"Auth:ApiKeys:{n}:Key"] = LibraryKey(isil);
            config[$"Auth:ApiKeys:{n}:Name"] = $"library-{isil}";
            config[$"Auth:ApiKeys:{n}:Scopes:0"] = Scopes.LibraryPrefix + isil;
            n++;
        }
        if (fakeClock) config["Ibl:Timers:MaxSleep"] = "00:00:00.200";
        string? dataDirectory = null, schema = null;
        if (backend == TestBackend.Sqlite)
        {
            dataDirectory = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "ibl-" + Guid.NewGuid().ToString("N"));
            config["Storage:Provider"] = "Sqlite";
            config["Storage:DataDirectory"] = dataDirectory;
        }
        else
        {
            schema = "i" + Guid.NewGuid().ToString("N")[..12];
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
            foreach (var (k, v) in settings) config[k] = v;
        var clock = fakeClock ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        var world = new IblWorld(backend, config, wise, brocade, vsmart, clock, dataDirectory, schema, brocadeState) { Libraries = libraries };
        try
        {
            await world.StartHubAsync();
            await world.RegisterAsync(WiseInstallation, "Wise", wiseAccess.Endpoint, wiseAccess.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
            await world.RegisterAsync(VSmartInstallation, "VSmart", vsmartAccess.Endpoint, vsmartAccess.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
            await world.RegisterAsync(BrocadeInstallation, "Brocade", brocade.Installation.Endpoint, brocade.Installation.Libraries.Select(l => (l.Isil, l.LibraryCode, l.Name)));
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
        return world;
    }

    /// <summary>Stops the hub (both nodes) and starts it again on the same storage.</summary>
    public async Task RestartHubAsync()
    {
        await StopHubAsync();
        await StartHubAsync();
    }

    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    HttpClient IIblHub.IblClient(string? key) => Client(key ?? AdminKey);

    /// <summary>Waits for <paramref name="sql"/> (a scalar over the hub's state) to give a non-null value.</summary>
    public async Task<T> WaitForAsync<T>(string what, string sql, object parameters, TimeSpan? timeout = null)
    {
        var database = Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            await using (var connection = await database.OpenAsync())
            {
                var value = await connection.QueryFirstOrDefaultAsync<T>(sql, parameters);
                if (value is not null && !EqualityComparer<T>.Default.Equals(value, default!)) return value;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Runs a query over the hub's state.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var database = Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    private async Task StartHubAsync()
    {
        Hub = await StartNodeAsync();
        if (_backend == TestBackend.Postgres && TestBackends.RabbitMqUri is not null) SecondNode = await StartNodeAsync();
        BaseAddress = new Uri(Hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private async Task<WebApplication> StartNodeAsync()
    {
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_config);
            if (Clock is not null) builder.Services.AddSingleton(new IblClock(Clock));
        });
        await app.StartAsync();
        return app;
    }

    private async Task StopHubAsync()
    {
        foreach (var node in new[] { SecondNode, Hub })
        {
            if (node is null) continue;
            await node.StopAsync();
            await node.DisposeAsync();
        }
        SecondNode = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task RegisterAsync(string id, string vendor, Uri endpoint, IEnumerable<(string Isil, string LibraryId, string Name)> libraries)
    {
        using var client = Client(PoiKey);
        var response = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id, vendor, owningPoi = Poi, endpoint = endpoint.ToString(), credentialsRef = id,
            libraries = libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopHubAsync(); }
        catch (Exception) { /* a hub that failed to start has nothing to stop */ }
        await Wise.DisposeAsync();
        await Brocade.DisposeAsync();
        await VSmart.DisposeAsync();
        if (_dataDirectory is not null)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
        try { Directory.Delete(_brocadeState, recursive: true); } catch (IOException) { }
        if (_schema is not null) await TestBackends.RemoveHubStateAsync(_schema);
    }
}
