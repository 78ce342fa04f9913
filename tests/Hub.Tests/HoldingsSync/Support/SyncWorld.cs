using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Catalogues.WorldCat;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>
/// The catalogue simulators, optionally a vendor's library system, and a hub that synchronises with them on a fake
/// clock. Helpers read the hub's API the way an administrator would.
/// </summary>
public sealed class SyncWorld : IAsyncDisposable
{
    private SyncWorld(CatalogueSims sims, IVendorCopies? vendor, SyncHub hub)
    {
        Sims = sims;
        Vendor = vendor;
        Hub = hub;
        Direct = new DirectCopies(() => Hub.Services);
    }

    public CatalogueSims Sims { get; }
    public IVendorCopies? Vendor { get; }
    public SyncHub Hub { get; }
    public DirectCopies Direct { get; }

    public static async Task<SyncWorld> StartAsync(TestBackend backend, Func<Task<IVendorCopies>>? vendor = null, int recordsPerFile = 1000,
        WorldCatSimulatorOptions? worldCat = null, params string[] worldCatLibraries)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var sims = await CatalogueSims.StartAsync(worldCat);
        IVendorCopies? copies = null;
        try
        {
            copies = vendor is null ? null : await vendor();
            var settings = sims.Settings(recordsPerFile, worldCatLibraries);
            if (copies is not null)
                foreach (var (key, value) in copies.Settings) settings[key] = value;
            var hub = await SyncHub.StartAsync(backend, settings);
            var world = new SyncWorld(sims, copies, hub);
            if (copies is not null)
            {
                using var poi = hub.Host.Client(HubHost.PoiKey);
                await copies.RegisterAsync(poi);
            }
            return world;
        }
        catch
        {
            if (copies is not null) await copies.DisposeAsync();
            await sims.DisposeAsync();
            throw;
        }
    }

    public HttpClient Admin() => Hub.Host.Client();

    /// <summary><c>GET /api/v1/holdings-sync/libraries/{isil}</c>.</summary>
    public async Task<JsonElement> StatusAsync(string isil)
    {
        using var client = Admin();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/holdings-sync/libraries/{isil}");
    }

    /// <summary>The canonical id of the one copy with this ISBN, once the union holdings index has it.</summary>
    public Task<string> HoldingIdByIsbnAsync(string isbn)
        => Eventually.WaitAsync(async () =>
        {
            using var client = Admin();
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/holdings?isbn={isbn}");
            var copies = page.GetProperty("holdings").EnumerateArray().ToList();
            return copies.Count == 1 ? copies[0].GetProperty("id").GetString() : null;
        }, $"the copy with ISBN {isbn} in the union holdings index");

    /// <summary>Moves the fake clock one day on (past the next 02:00 cut).</summary>
    public void NextDay() => Hub.Advance(TimeSpan.FromDays(1));

    /// <summary>Waits until the library has no batch left to deliver and its last batch is of the current business day.</summary>
    public Task DeliveredAsync(string isil, string? batchKind = null)
        => Eventually.TrueAsync(async () =>
        {
            var status = await StatusAsync(isil);
            return status.GetProperty("undeliveredBatches").GetArrayLength() == 0
                && status.TryGetProperty("lastBatch", out var last)
                && (batchKind is null || last.GetProperty("kind").GetString() == batchKind)
                && last.GetProperty("businessDay").GetString() == BusinessDay();
        }, $"the batches of {isil} to be delivered");

    /// <summary>Today's business day on the fake clock (Amsterdam).</summary>
    public string BusinessDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        return TimeZoneInfo.ConvertTime(Hub.Clock.GetUtcNow(), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        if (Vendor is not null) await Vendor.DisposeAsync();
        await Sims.DisposeAsync();
    }
}
