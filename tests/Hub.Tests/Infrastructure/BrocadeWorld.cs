using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A Brocade simulator (SIP2 on a loopback port, exports in a temporary folder) and a hub that has registered its
/// installation through the HTTP API, as a POI would, and polls its export folder. Small seeded data.
/// </summary>
public sealed class BrocadeWorld : IAsyncDisposable
{
    public const string Installation = BrocadeDefaultTopology.InstallationName;

    private BrocadeWorld(HubHost hub, BrocadeSimulatorHost brocade, string stateDirectory)
    {
        Hub = hub;
        Brocade = brocade;
        StateDirectory = stateDirectory;
    }

    public HubHost Hub { get; }
    public BrocadeSimulatorHost Brocade { get; }
    public BrocadeSimulatorControl Control => Brocade.Control;
    public string StateDirectory { get; }

    public static async Task<BrocadeWorld> StartAsync(TestBackend backend)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var brocade = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 8, CopiesPerLibrary = 15, LoansPerLibrary = 4 });
        var access = brocade.Installation;
        var state = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "brocade-" + Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            [$"Credentials:{Installation}:SipUser"] = access.SipUser,
            [$"Credentials:{Installation}:SipPassword"] = access.SipPassword,
            ["Adapters:Brocade:StateDirectory"] = state,
        };
        HubHost hub;
        try
        {
            hub = await HubHost.StartAsync(backend, config);
        }
        catch
        {
            await brocade.DisposeAsync();
            throw;
        }
        var world = new BrocadeWorld(hub, brocade, state);
        using var client = hub.Client(HubHost.PoiKey);
        var response = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id = Installation, vendor = "Brocade", owningPoi = HubHost.Poi, endpoint = access.Endpoint.ToString(), credentialsRef = Installation,
            libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryCode, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            await world.DisposeAsync();
            throw new InvalidOperationException($"Registering the Brocade installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return world;
    }

    /// <summary>Reads the whole event log through the API.</summary>
    public async Task<List<JsonElement>> EventsAsync()
    {
        using var client = Hub.Client();
        return await EventPages.ReadAllAsync(client, "/api/v1/events");
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the event log, or fails after a minute.</summary>
    public async Task<List<JsonElement>> WaitForEventsAsync(Func<List<JsonElement>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var events = await EventsAsync();
            if (condition(events)) return events;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; the log holds {events.Count} events.");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Brocade.DisposeAsync();
        try { Directory.Delete(StateDirectory, recursive: true); }
        catch (IOException) { /* still held by a finishing poll; the OS cleans the temp folder */ }
    }
}
