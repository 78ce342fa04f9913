using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Simulators.Catalogues.Ggc;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Ibl;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Consolidation.Support;

/// <summary>
/// A hub polling a Wise installation <c>oost-wise</c> (Bibliotheek Lindendal NL-0841010000 with a branch, and Bibliotheek
/// Heidebeek NL-0841020000) and a V-smart installation <c>west-vsmart</c> that serves Bibliotheek Rivierenzand
/// (NL-0852020000) and already holds libraries <c>LDL</c> and <c>HDB</c> whose branches carry Lindendal's and Heidebeek's ISILs:
/// where their data is migrated to. Both registered over the API by one POI; branch rows in a copy of the mapping tables. No seeded data.
/// </summary>
public sealed class MoveWorld : IAsyncDisposable, IIblHub
{
    public const string Wise = "oost-wise";
    public const string VSmart = "west-vsmart";
    public const string Lindendal = "4101";
    public const string Heidebeek = "4102";
    public const string LindendalIsil = "NL-0841010000";
    public const string LindendalBranchIsil = "NL-0841010001";
    public const string HeidebeekIsil = "NL-0841020000";
    public const string Rivierenzand = "RVZ";
    public const string RivierenzandIsil = "NL-0852020000";
    public const string MigratedLindendal = "LDL";
    public const string MigratedHeidebeek = "HDB";

    private readonly string _mappings;

    private MoveWorld(HubHost hub, WiseSimulatorHost wise, VSmartSimulatorHost vsmart, GgcSimulatorHost ggc, string mappings)
    {
        Hub = hub;
        WiseHost = wise;
        VSmartHost = vsmart;
        Ggc = ggc;
        _mappings = mappings;
    }

    public HubHost Hub { get; }
    public WiseSimulatorHost WiseHost { get; }
    public VSmartSimulatorHost VSmartHost { get; }
    /// <summary>The national catalogue the libraries' holdings are synchronised to.</summary>
    public GgcSimulatorHost Ggc { get; }
    public WiseSimulatorControl WiseControl => WiseHost.Control;
    public VSmartSimulatorControl VSmartControl => VSmartHost.Control;

    /// <summary>The world's copy of the mapping tables (<c>Mappings:Path</c>), for tests that edit one as an administrator would.</summary>
    public string MappingsFolder => _mappings;

    public static async Task<MoveWorld> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var wiseSpec = new WiseInstallationSpec(Wise, "LSB-HUB-TEST", "oost-wise-app-key-test-only",
        [
            new WiseLibrarySpec(Lindendal, "Bibliotheek Lindendal", LindendalIsil,
            [
                new WiseBranchSpec("410100", "Lindendal Centrale", LindendalIsil),
                new WiseBranchSpec("410101", "Lindendal Noord", LindendalBranchIsil),
            ]),
            new WiseLibrarySpec(Heidebeek, "Bibliotheek Heidebeek", HeidebeekIsil, [new WiseBranchSpec("410200", "Heidebeek Centrale", HeidebeekIsil)]),
        ]);
        var vsmartSpec = new VSmartInstallationSpec(VSmart, "lsb-hub", "west-vsmart-password-test-only",
        [
            new VSmartLibrarySpec(Rivierenzand, "Bibliotheek Rivierenzand", RivierenzandIsil, [new VSmartBranchSpec("RVZ01", "Rivierenzand Hoofdvestiging", RivierenzandIsil)]),
            new VSmartLibrarySpec(MigratedLindendal, "Bibliotheek Lindendal", LindendalIsil,
            [
                new VSmartBranchSpec("LDL01", "Lindendal Centrale", LindendalIsil),
                new VSmartBranchSpec("LDL02", "Lindendal Noord", LindendalBranchIsil),
            ]),
            new VSmartLibrarySpec(MigratedHeidebeek, "Bibliotheek Heidebeek", HeidebeekIsil, [new VSmartBranchSpec("HDB01", "Heidebeek Centrale", HeidebeekIsil)]),
        ]);
        var mappings = CopyMappings(wiseSpec, vsmartSpec);
        var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions { Installations = [wiseSpec], PatronsPerLibrary = 0, ItemsPerLibrary = 0, LoansPerLibrary = 0 });
        VSmartSimulatorHost? vsmart = null;
        GgcSimulatorHost? ggc = null;
        HubHost hub;
        try
        {
            ggc = await GgcSimulator.StartAsync();
            vsmart = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions
            {
                Installations = [vsmartSpec], BorrowersPerLibrary = 0, CopiesPerLibrary = 0, LoansPerLibrary = 0, OaiPageSize = 50,
            });
            var wiseAccess = wise.Installation(Wise);
            var vsmartAccess = vsmart.Installation(VSmart);
            hub = await HubHost.StartAsync(backend, new Dictionary<string, string?>
            {
                ["Mappings:Path"] = mappings,
                ["Retention:Scheduled"] = "false",
                ["Consolidation:CheckInterval"] = "00:00:00.200",
                [$"Credentials:{Wise}:AppId"] = wiseAccess.AppId,
                [$"Credentials:{Wise}:AppKey"] = wiseAccess.AppKey,
                [$"Credentials:{VSmart}:Username"] = vsmartAccess.Username,
                [$"Credentials:{VSmart}:Password"] = vsmartAccess.Password,
                ["HoldingsSync:DefaultTarget"] = "Ggc",
                ["HoldingsSync:Ggc:BaseUrl"] = ggc.BaseAddress.ToString(),
                ["HoldingsSync:Ggc:UserName"] = ggc.Options.UserName,
                ["HoldingsSync:Ggc:Password"] = ggc.Options.Password,
            }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(p => p.Key, p => p.Value));
            using var client = hub.Client(HubHost.PoiKey);
            await RegisterAsync(client, new
            {
                id = Wise, vendor = "Wise", owningPoi = HubHost.Poi, endpoint = wiseAccess.Endpoint.ToString(), credentialsRef = Wise,
                libraries = wiseAccess.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
            });
            // Only Rivierenzand: Lindendal joins this installation by the move.
            await RegisterAsync(client, new
            {
                id = VSmart, vendor = "VSmart", owningPoi = HubHost.Poi, endpoint = vsmartAccess.Endpoint.ToString(), credentialsRef = VSmart,
                libraries = new[] { new { isil = RivierenzandIsil, vendorLibraryId = Rivierenzand, name = "Bibliotheek Rivierenzand" } },
            });
        }
        catch
        {
            if (vsmart is not null) await vsmart.DisposeAsync();
            if (ggc is not null) await ggc.DisposeAsync();
            await wise.DisposeAsync();
            throw;
        }
        return new MoveWorld(hub, wise, vsmart, ggc, mappings);
    }

    public HttpClient Client(string? key = HubHost.AdminKey) => Hub.Client(key);

    HttpClient IIblHub.IblClient(string? key) => Client(key ?? HubHost.AdminKey);

    /// <summary>The canonical id an installation's local id has in the hub's id map, or null.</summary>
    public async Task<string?> CanonicalIdAsync(string installation, string entity, string localId)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT canonical_id FROM id_map WHERE installation_id = @installation AND entity = @entity AND local_id = @localId",
            new { installation, entity, localId });
    }

    /// <summary>A scalar from the hub's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>Rows of one column from the hub's database.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the count <paramref name="sql"/> returns.</summary>
    public async Task WaitForAsync(string what, string sql, object? parameters, Func<long, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var count = await ScalarAsync<long>(sql, parameters);
            if (condition(count)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what} (count {count}).");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a local id of an installation has a row in the hub; returns its canonical id.</summary>
    public async Task<string> ArrivedAsync(string installation, string entity, string localId)
    {
        var table = entity switch { "member" => "members", "holding" => "holdings", _ => "loans" };
        await WaitForAsync($"{entity} {localId} of {installation}",
            $"SELECT COUNT(*) FROM id_map m JOIN {table} s ON s.id = m.canonical_id WHERE m.installation_id = @installation AND m.entity = @entity AND m.local_id = @localId",
            new { installation, entity, localId }, n => n == 1);
        return (await CanonicalIdAsync(installation, entity, localId))!;
    }

    /// <summary>The whole event log through the API.</summary>
    public Task<List<JsonElement>> EventsAsync() => ReadFeedAsync("/api/v1/events", HubHost.AdminKey);

    /// <summary>The whole pseudonymised DWH feed through its pull API, as the DWH reads it.</summary>
    public Task<List<JsonElement>> DwhEventsAsync() => ReadFeedAsync("/api/v1/dwh/events", HubHost.DwhKey);

    private async Task<List<JsonElement>> ReadFeedAsync(string path, string key)
    {
        using var client = Client(key);
        var all = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?after={after}&limit=1000");
            var events = page.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
            if (events.Count == 0) return all;
            all.AddRange(events);
            after = page.GetProperty("next").GetInt64();
        }
    }

    /// <summary>POSTs a move (or a dry run); returns status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostMoveAsync(string isil, object body, string key = HubHost.AdminKey)
    {
        using var client = Client(key);
        using var response = await client.PostAsJsonAsync($"/api/v1/libraries/{isil}/moves", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>GETs a JSON resource with the admin key.</summary>
    public async Task<JsonElement> GetAsync(string path, string key = HubHost.AdminKey)
    {
        using var client = Client(key);
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until the move has the status.</summary>
    public async Task<JsonElement> WaitForMoveAsync(string location, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var move = await GetAsync(location);
            if (move.GetProperty("status").GetString() == status) return move;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Move {location} did not reach {status}: {move}");
            await Task.Delay(100);
        }
    }

    /// <summary>Cuts the library's pending holdings changes now and waits until the batch (if any) is delivered.</summary>
    public async Task SyncHoldingsAsync(string isil)
    {
        using (var client = Client())
        {
            using var response = await client.PostAsync($"/api/v1/holdings-sync/libraries/{isil}/batches", null);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Cutting {isil}'s holdings batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await GetAsync($"/api/v1/holdings-sync/libraries/{isil}");
            if (status.GetProperty("undeliveredBatches").GetArrayLength() == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{isil}'s holdings batches were not delivered: {status}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await VSmartHost.DisposeAsync();
        await WiseHost.DisposeAsync();
        await Ggc.DisposeAsync();
        MappingsCopy.Delete(_mappings);
    }

    private static async Task RegisterAsync(HttpClient client, object registration)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/installations", registration);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering an installation failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string CopyMappings(WiseInstallationSpec wise, VSmartInstallationSpec vsmart)
    {
        var folder = MappingsCopy.Create("wise", "vsmart");
        MappingsCopy.Append(folder, "wise", "branches.csv",
            wise.Libraries.SelectMany(l => l.Branches.Select(b => $"{wise.Name},{l.LibraryId},{b.BranchId},{b.Isil},{b.Name}")));
        MappingsCopy.Append(folder, "vsmart", "branches.csv",
            vsmart.Libraries.SelectMany(l => l.Branches.Select(b => $"{vsmart.Name},{l.LibraryId},{b.BranchCode},{b.Isil},{b.Name}")));
        return folder;
    }
}
