using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>
/// A hub polling two Wise installations of different POIs' libraries — <c>noord-wise</c> (Bibliotheek Noorderlicht,
/// NL-0861010000) and <c>zuid-wise</c> (Bibliotheek Zuiderzon, NL-0871010000) — served by one simulator, registered
/// over the API as a POI would, with branch rows added to a copy of the mapping tables. Plus the e-book platform key.
/// </summary>
public sealed class CustomerWorld : IAsyncDisposable
{
    public const string Noord = "noord-wise";
    public const string Zuid = "zuid-wise";
    public const string NoordLibrary = "6101";
    public const string ZuidLibrary = "7101";
    public const string NoordIsil = "NL-0861010000";
    public const string NoordBranchIsil = "NL-0861010001";
    public const string ZuidIsil = "NL-0871010000";

    private readonly string _mappings;

    private CustomerWorld(HubHost hub, WiseSimulatorHost wise, string mappings)
    {
        Hub = hub;
        Wise = wise;
        _mappings = mappings;
    }

    public HubHost Hub { get; }
    public WiseSimulatorHost Wise { get; }
    public WiseSimulatorControl Control => Wise.Control;

    public static async Task<CustomerWorld> StartAsync(TestBackend backend, IDictionary<string, string?>? settings = null)
    {
        TestBackends.SkipUnlessAvailable(backend);
        var installations = new[]
        {
            new WiseInstallationSpec(Noord, "LSB-HUB-TEST", "noord-wise-app-key-test-only",
            [
                new WiseLibrarySpec(NoordLibrary, "Bibliotheek Noorderlicht", NoordIsil,
                [
                    new WiseBranchSpec("610100", "Noorderlicht Centrale", NoordIsil),
                    new WiseBranchSpec("610101", "Noorderlicht Haven", NoordBranchIsil),
                ]),
            ]),
            new WiseInstallationSpec(Zuid, "LSB-HUB-TEST", "zuid-wise-app-key-test-only",
            [
                new WiseLibrarySpec(ZuidLibrary, "Bibliotheek Zuiderzon", ZuidIsil, [new WiseBranchSpec("710100", "Zuiderzon Centrale", ZuidIsil)]),
            ]),
        };
        var mappings = CopyMappings(installations);
        var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions
        {
            Installations = installations, PatronsPerLibrary = 4, ItemsPerLibrary = 8, LoansPerLibrary = 2,
        });
        var config = CustomerKeys.Settings();
        config["Mappings:Path"] = mappings;
        config["Retention:Scheduled"] = "false";
        foreach (var access in wise.Installations)
        {
            config[$"Credentials:{access.Name}:AppId"] = access.AppId;
            config[$"Credentials:{access.Name}:AppKey"] = access.AppKey;
        }
        if (settings is not null)
            foreach (var (k, v) in settings) config[k] = v;
        HubHost hub;
        try
        {
            hub = await HubHost.StartAsync(backend, config);
        }
        catch
        {
            await wise.DisposeAsync();
            throw;
        }
        var world = new CustomerWorld(hub, wise, mappings);
        using var client = hub.Client(HubHost.PoiKey);
        foreach (var access in wise.Installations)
        {
            var response = await client.PostAsJsonAsync("/api/v1/installations", new
            {
                id = access.Name, vendor = "Wise", owningPoi = HubHost.Poi, endpoint = access.Endpoint.ToString(), credentialsRef = access.Name,
                libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
            });
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Registering {access.Name} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return world;
    }

    public HttpClient Client(string? key = HubHost.AdminKey) => Hub.Client(key);

    /// <summary>Waits until the hub holds the member of a Wise patron; returns its canonical id.</summary>
    public async Task<string> MemberOfAsync(string installation, string patronSystemId)
    {
        var database = Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var connection = await database.OpenAsync())
            {
                var id = await connection.ExecuteScalarAsync<string?>(
                    "SELECT m.canonical_id FROM id_map m JOIN members s ON s.id = m.canonical_id JOIN member_persons p ON p.member_id = s.id " +
                    "WHERE m.installation_id = @installation AND m.entity = 'member' AND m.local_id = @local",
                    new { installation, local = patronSystemId });
                if (id is not null) return id;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Wise patron {patronSystemId} of {installation} did not arrive in the hub.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the count <paramref name="sql"/> returns.</summary>
    public async Task WaitForAsync(string what, string sql, object parameters, Func<long, bool> condition)
    {
        var database = Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var connection = await database.OpenAsync())
            {
                if (condition(await connection.ExecuteScalarAsync<long>(sql, parameters))) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until Wolverine's failed-message store holds at least <paramref name="atLeast"/> messages.</summary>
    public async Task WaitForDeadLettersAsync(int atLeast)
    {
        var database = Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            long count;
            if (database.Provider == StorageProvider.Sqlite)
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.MessageStoreConnectionString);
                count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wolverine_dead_letters");
            }
            else
            {
                await using var connection = new Npgsql.NpgsqlConnection(TestBackends.PostgresConnectionString);
                count = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {database.Options.BusSchema}.wolverine_dead_letters");
            }
            if (count >= atLeast) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The failed-message store holds {count} messages; expected {atLeast}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Posts e-book loan events as the KB platform; returns the answer.</summary>
    public async Task<JsonElement> PostEbookAsync(params object[] events)
    {
        using var client = Client(CustomerKeys.Ebook);
        var response = await client.PostAsJsonAsync("/api/v1/digital-loans", new { events });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"POST /api/v1/digital-loans: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Wise.DisposeAsync();
        try { Directory.Delete(_mappings, recursive: true); }
        catch (IOException) { /* a mapping file still being read by a finishing reload check; the temp folder is cleaned by the OS */ }
    }

    private static string CopyMappings(IEnumerable<WiseInstallationSpec> installations)
    {
        var source = new DirectoryInfo(AppContext.BaseDirectory);
        while (source is not null && !Directory.Exists(Path.Combine(source.FullName, "mappings", "wise"))) source = source.Parent;
        if (source is null) throw new InvalidOperationException("The repository's mappings/ folder was not found above the test's base directory.");
        var target = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "mappings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(target, "wise"));
        foreach (var file in Directory.GetFiles(Path.Combine(source.FullName, "mappings", "wise")))
            File.Copy(file, Path.Combine(target, "wise", Path.GetFileName(file)));
        var rows = installations.SelectMany(i => i.Libraries.SelectMany(l => l.Branches.Select(b => $"{i.Name},{l.LibraryId},{b.BranchId},{b.Isil},{b.Name}")));
        var branches = Path.Combine(target, "wise", "branches.csv");
        File.WriteAllText(branches, File.ReadAllText(branches).TrimEnd('\n') + "\n" + string.Join("\n", rows) + "\n");
        return target;
    }
}
