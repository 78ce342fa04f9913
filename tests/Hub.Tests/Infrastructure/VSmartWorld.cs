using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A V-smart simulator and a hub that has registered its installation (through the HTTP API, as a POI would) and
/// harvests it. Small seeded data so tests start fast.
/// </summary>
public sealed class VSmartWorld : IAsyncDisposable
{
    public const string Installation = VSmartDefaultTopology.InstallationName;

    private VSmartWorld(HubHost hub, VSmartSimulatorHost vsmart)
    {
        Hub = hub;
        VSmart = vsmart;
    }

    public HubHost Hub { get; }
    public VSmartSimulatorHost VSmart { get; }
    public VSmartSimulatorControl Control => VSmart.Control;
    public VSmartInstallationAccess Access => VSmart.Installation(Installation);

    public static async Task<VSmartWorld> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null, VSmartSimulatorOptions? options = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var vsmart = await VSmartSimulator.StartAsync(options ?? new VSmartSimulatorOptions { BorrowersPerLibrary = 10, CopiesPerLibrary = 20, LoansPerLibrary = 5, OaiPageSize = 20 });
        var access = vsmart.Installation(Installation);
        var config = new Dictionary<string, string?>
        {
            [$"Credentials:{Installation}:Username"] = access.Username,
            [$"Credentials:{Installation}:Password"] = access.Password,
        };
        if (settings is not null)
            foreach (var (k, v) in settings) config[k] = v;
        HubHost hub;
        try
        {
            hub = await HubHost.StartAsync(backend, config);
        }
        catch
        {
            await vsmart.DisposeAsync();
            throw;
        }
        var world = new VSmartWorld(hub, vsmart);
        using var client = hub.Client(HubHost.PoiKey);
        using var response = await client.PostAsJsonAsync("/api/v1/installations", Registration(access, HubHost.Poi));
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering the V-smart installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return world;
    }

    /// <summary>The registration body a POI sends for the simulator's installation: the base address as endpoint.</summary>
    public static object Registration(VSmartInstallationAccess access, string poi) => new
    {
        id = access.Name, vendor = "VSmart", owningPoi = poi, endpoint = access.Endpoint.ToString(), credentialsRef = access.Name,
        libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
    };

    /// <summary>Reads the whole event log through the API.</summary>
    public Task<List<JsonElement>> EventsAsync() => ReadEventsAsync(Hub.Client());

    /// <summary>Reads the whole event log through the API of any hub.</summary>
    public static async Task<List<JsonElement>> ReadEventsAsync(HttpClient client)
    {
        using (client) return await EventPages.ReadAllAsync(client, "/api/v1/events");
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the event log, or fails after <paramref name="timeout"/>.</summary>
    public async Task<List<JsonElement>> WaitForEventsAsync(Func<List<JsonElement>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var events = await EventsAsync();
            if (condition(events)) return events;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}; the log holds {events.Count} events.");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await VSmart.DisposeAsync();
    }
}
