using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Wise;
using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A Wise simulator and a hub that has registered its installation (through the HTTP API, as a POI would) and polls
/// it. Small seeded data so tests start fast.
/// </summary>
public sealed class WiseWorld : IAsyncDisposable
{
    public const string Installation = WiseDefaultTopology.InstallationName;

    private WiseWorld(HubHost hub, WiseSimulatorHost wise)
    {
        Hub = hub;
        Wise = wise;
    }

    public HubHost Hub { get; }
    public WiseSimulatorHost Wise { get; }
    public WiseSimulatorControl Control => Wise.Control;
    public WiseInstallationAccess Access => Wise.Installation(Installation);

    /// <summary>Starts the simulator and a hub with <paramref name="settings"/>; <paramref name="configure"/> may add services to the hub
    /// (test doubles), as <see cref="HubHost.StartAsync"/> does.</summary>
    public static async Task<WiseWorld> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null, WiseSimulatorOptions? options = null,
        Func<HubHost, Task>? beforeRegistration = null, Action<WebApplicationBuilder>? configure = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var wise = await WiseSimulator.StartAsync(options ?? new WiseSimulatorOptions { PatronsPerLibrary = 10, ItemsPerLibrary = 20, LoansPerLibrary = 5 });
        var access = wise.Installation(Installation);
        var config = new Dictionary<string, string?>
        {
            [$"Credentials:{Installation}:AppId"] = access.AppId,
            [$"Credentials:{Installation}:AppKey"] = access.AppKey,
        };
        if (settings is not null)
            foreach (var (k, v) in settings) config[k] = v;
        HubHost hub;
        try
        {
            hub = await HubHost.StartAsync(backend, config, configure);
        }
        catch
        {
            await wise.DisposeAsync();
            throw;
        }
        var world = new WiseWorld(hub, wise);
        if (beforeRegistration is not null) await beforeRegistration(hub);
        using var client = hub.Client(HubHost.PoiKey);
        var response = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id = Installation, vendor = "Wise", owningPoi = HubHost.Poi, endpoint = access.Endpoint.ToString(), credentialsRef = Installation,
            libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering the Wise installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return world;
    }

    /// <summary>Reads the whole event log through the API.</summary>
    public async Task<List<JsonElement>> EventsAsync(string? type = null)
    {
        using var client = Hub.Client();
        var all = await EventPages.ReadAllAsync(client, "/api/v1/events");
        return type is null ? all : [.. all.Where(e => e.GetProperty("eventType").GetString() == type)];
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the event log, or fails after <paramref name="timeout"/>.</summary>
    public async Task<List<JsonElement>> WaitForEventsAsync(Func<List<JsonElement>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
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
        await Wise.DisposeAsync();
    }
}
