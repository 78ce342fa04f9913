using System.Net;
using System.Net.Http.Json;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>
/// One hub with a Wise, a V-smart and a Brocade installation (the simulators' default topologies), registered over the
/// API: Wise and Brocade by the POI <see cref="HubHost.Poi"/>, V-smart by <see cref="HubHost.OtherPoi"/> (another region).
/// Keys: the KB platform (<c>patron-auth</c>) and one library key per vendor. Serilog also writes every event at Debug
/// level to <see cref="LogFile"/>, so tests can search what was logged. Shared by the tests of a class: each test uses
/// its own cards and barcodes.
/// </summary>
public abstract class PatronWorld(TestBackend backend) : IAsyncLifetime
{
    public const string KbKey = "test-kb-patron-auth-key-00001";
    public const string BurstKey = "test-burst-patron-auth-key-01";

    /// <summary>Verifications one key may ask for per minute in this world (the default, 600, is too many to reach in a test).</summary>
    public const int ClientLimit = 30;
    public const string WiseIsil = "NL-0851010000";
    public const string VSmartIsil = "NL-0852010000";
    public const string BrocadeIsil = "NL-0853010000";
    public const string Wise = WiseDefaultTopology.InstallationName;
    public const string VSmart = VSmartDefaultTopology.InstallationName;
    public const string Brocade = BrocadeDefaultTopology.InstallationName;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "patron-" + Guid.NewGuid().ToString("N"));

    public HubHost Hub { get; private set; } = null!;
    public WiseSimulatorHost WiseSimulator { get; private set; } = null!;
    public VSmartSimulatorHost VSmartSimulator { get; private set; } = null!;
    public BrocadeSimulatorHost BrocadeSimulator { get; private set; } = null!;
    public string LogFile => Path.Combine(_folder, "hub.log");

    public static string LibraryKey(string isil) => $"test-library-key-{isil}";

    public TestBackend Backend => backend;

    public async ValueTask InitializeAsync()
    {
        // An unavailable backend starts nothing: each test skips itself with the reason (TestBackends.SkipUnlessAvailable).
        if (backend == TestBackend.Postgres && TestBackends.PostgresConnectionString is null) return;
        WiseSimulator = await Simulators.Wise.WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 2, ItemsPerLibrary = 4, LoansPerLibrary = 1 });
        VSmartSimulator = await Simulators.VSmart.VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 2, CopiesPerLibrary = 4, LoansPerLibrary = 1, OaiPageSize = 50 });
        BrocadeSimulator = await Simulators.Brocade.BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            MembersPerLibrary = 2, CopiesPerLibrary = 4, LoansPerLibrary = 1, ExportAfterEveryChange = true, ExportFolder = Path.Combine(_folder, "exports"),
        });
        var wise = WiseSimulator.Installation(Wise);
        var vsmart = VSmartSimulator.Installation(VSmart);
        var brocade = BrocadeSimulator.Installation;
        var settings = new Dictionary<string, string?>
        {
            [$"Credentials:{Wise}:AppId"] = wise.AppId,
            [$"Credentials:{Wise}:AppKey"] = wise.AppKey,
            [$"Credentials:{VSmart}:Username"] = vsmart.Username,
            [$"Credentials:{VSmart}:Password"] = vsmart.Password,
            [$"Credentials:{Brocade}:SipUser"] = brocade.SipUser,
            [$"Credentials:{Brocade}:SipPassword"] = brocade.SipPassword,
            ["Adapters:Brocade:StateDirectory"] = Path.Combine(_folder, "adapter"),
            ["Retention:Scheduled"] = "false",
            ["Auth:ApiKeys:4:Key"] = KbKey,
            ["Auth:ApiKeys:4:Name"] = "kb-platform",
            ["Auth:ApiKeys:4:Scopes:0"] = Scopes.PatronAuth,
            ["Auth:ApiKeys:8:Key"] = BurstKey,
            ["Auth:ApiKeys:8:Name"] = "burst-client",
            ["Auth:ApiKeys:8:Scopes:0"] = Scopes.PatronAuth,
            ["PatronServices:ClientLimit"] = ClientLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = LogFile,
        };
        var n = 5;
        foreach (var isil in new[] { WiseIsil, VSmartIsil, BrocadeIsil })
        {
            settings[$"Auth:ApiKeys:{n}:Key"] = LibraryKey(isil);
            settings[$"Auth:ApiKeys:{n}:Name"] = $"library-{isil}";
            settings[$"Auth:ApiKeys:{n}:Scopes:0"] = Scopes.LibraryPrefix + isil;
            n++;
        }
        Hub = await HubHost.StartAsync(backend, settings);
        await RegisterAsync(Wise, "Wise", HubHost.PoiKey, HubHost.Poi, wise.Endpoint, wise.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
        await RegisterAsync(Brocade, "Brocade", HubHost.PoiKey, HubHost.Poi, brocade.Endpoint, brocade.Libraries.Select(l => (l.Isil, l.LibraryCode, l.Name)));
        await RegisterAsync(VSmart, "VSmart", HubHost.OtherPoiKey, HubHost.OtherPoi, vsmart.Endpoint, vsmart.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
    }

    public HttpClient Client(string key) => Hub.Client(key);

    /// <summary>Waits (at most a minute) until the hub holds the member with <paramref name="cardNumber"/>; returns its id.</summary>
    public Task<string> MemberAsync(string cardNumber) => WaitForAsync<string>($"member with card {cardNumber}",
        "SELECT id FROM members WHERE card_number = @cardNumber", new { cardNumber });

    /// <summary>Waits until the hub holds the copy with <paramref name="barcode"/> at <paramref name="installation"/>; returns its id.</summary>
    public Task<string> CopyAsync(string installation, string barcode) => WaitForAsync<string>($"copy {barcode} of {installation}",
        "SELECT id FROM holdings WHERE barcode = @barcode AND installation_id = @installation", new { barcode, installation });

    /// <summary>Waits for <paramref name="sql"/> (a scalar over the hub's state) to give a non-default value.</summary>
    public async Task<T> WaitForAsync<T>(string what, string sql, object parameters)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var value = (await QueryAsync<T>(sql, parameters)).FirstOrDefault();
            if (value is not null && !EqualityComparer<T>.Default.Equals(value, default!)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits (at most two minutes: retries come first) for the one failed message of <paramref name="installation"/> whose
    /// reason names <paramref name="text"/>.</summary>
    public async Task<System.Text.Json.JsonElement> FailedMessageAsync(HttpClient admin, string installation, string text)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/admin/failed-messages?installation={installation}&pageSize=500");
            var found = page.GetProperty("items").EnumerateArray()
                .Where(m => m.GetProperty("exceptionMessage").GetString()?.Contains(text, StringComparison.Ordinal) == true).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for a failed message about {text}: {page}");
            await Task.Delay(500);
        }
    }

    /// <summary>Runs a query over the hub's state.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var database = Hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>What Serilog wrote so far.</summary>
    public async Task<string> LogTextAsync()
    {
        if (!File.Exists(LogFile)) return "";
        await using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private async Task RegisterAsync(string id, string vendor, string key, string poi, Uri endpoint, IEnumerable<(string Isil, string LibraryId, string Name)> libraries)
    {
        using var client = Hub.Client(key);
        var response = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id, vendor, owningPoi = poi, endpoint = endpoint.ToString(), credentialsRef = id,
            libraries = libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
        });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Hub is not null) await Hub.DisposeAsync();
        if (WiseSimulator is not null) await WiseSimulator.DisposeAsync();
        if (VSmartSimulator is not null) await VSmartSimulator.DisposeAsync();
        if (BrocadeSimulator is not null) await BrocadeSimulator.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a log or export file still held by a finishing task; the OS cleans the temp folder */ }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePatronWorld() : PatronWorld(TestBackend.Sqlite);

public sealed class PostgresPatronWorld() : PatronWorld(TestBackend.Postgres);
