using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Ibl.Bench;

/// <summary>
/// The three simulators (Wise REST, V-smart NCIP/OAI-PMH, Brocade SIP2/CSV) and one hub on the embedded default
/// (SQLite file, Wolverine durable local queues, Solo), started as production starts it and registered over its API.
/// Each library has an institutional patron at every other library, as IBL needs.
/// </summary>
public sealed class BenchWorld : IAsyncDisposable
{
    public const string AdminKey = "ibl-bench-admin-key-00000001";
    private const string PoiKey = "ibl-bench-poi-key-000000001";
    private readonly string _directory;

    private BenchWorld(WebApplication hub, WiseSimulatorHost wise, VSmartSimulatorHost vsmart, BrocadeSimulatorHost brocade, string directory,
        Dictionary<string, (string Vendor, string Installation, string LibraryId)> libraries)
    {
        Hub = hub;
        Wise = wise;
        VSmart = vsmart;
        Brocade = brocade;
        _directory = directory;
        Libraries = libraries;
        BaseAddress = new Uri(hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication Hub { get; }
    public WiseSimulatorHost Wise { get; }
    public VSmartSimulatorHost VSmart { get; }
    public BrocadeSimulatorHost Brocade { get; }
    public Uri BaseAddress { get; }
    public IReadOnlyDictionary<string, (string Vendor, string Installation, string LibraryId)> Libraries { get; }

    public static string LibraryKey(string isil) => $"ibl-bench-library-key-{isil}";

    public static async Task<BenchWorld> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lsb-bench-ibl-" + Guid.NewGuid().ToString("N")[..8]);
        var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 4, ItemsPerLibrary = 4, LoansPerLibrary = 0 });
        var vsmart = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 4, CopiesPerLibrary = 4, LoansPerLibrary = 0, OaiPageSize = 500 });
        // Exports written once after seeding (ExportNow), not after every change: thousands of copies would write thousands of files.
        var brocade = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            MembersPerLibrary = 4, CopiesPerLibrary = 4, LoansPerLibrary = 0, ExportFolder = Path.Combine(directory, "brocade-exports"),
        });
        var wiseAccess = wise.Installation(WiseDefaultTopology.InstallationName);
        var vsmartAccess = vsmart.Installation(VSmartDefaultTopology.InstallationName);
        var libraries = new Dictionary<string, (string, string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in wiseAccess.Libraries) libraries[l.Isil] = ("Wise", wiseAccess.Name, l.LibraryId);
        foreach (var l in vsmartAccess.Libraries) libraries[l.Isil] = ("VSmart", vsmartAccess.Name, l.LibraryId);
        foreach (var l in brocade.Installation.Libraries) libraries[l.Isil] = ("Brocade", brocade.Installation.Name, l.LibraryCode);
        foreach (var (lender, (vendor, installation, libraryId)) in libraries)
        {
            foreach (var borrower in libraries.Keys.Where(b => b != lender))
            {
                var card = $"IBL-{lender}-{borrower}";
                if (vendor == "Wise") wise.Control.AddPatron(installation, libraryId, new PatronDraft { CardNumber = card, Category = "IBL", Status = "ACT" });
                else if (vendor == "VSmart") vsmart.Control.AddBorrower(installation, libraryId, new BorrowerDraft { CardNumber = card, Status = "OK" });
                else brocade.Control.AddMember(new Simulators.Brocade.Control.MemberDraft { LibraryCode = libraryId, CardNumber = card, Category = "I", Status = "A" });
            }
        }
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = Path.Combine(directory, "data"),
            ["Auth:ApiKeys:0:Key"] = AdminKey,
            ["Auth:ApiKeys:0:Name"] = "bench-admin",
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            ["Auth:ApiKeys:1:Key"] = PoiKey,
            ["Auth:ApiKeys:1:Name"] = "bench-poi",
            ["Auth:ApiKeys:1:Scopes:0"] = "poi:benchpoi",
            ["Dwh:PseudonymKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Ingest:FailureBackoff"] = "00:00:00.200",
            ["Ingest:MaxBackoff"] = "00:00:02",
            ["Ingest:RegistryRefresh"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Error",
            ["Serilog:MinimumLevel:Override:Wolverine"] = "Fatal",
            [$"Credentials:{wiseAccess.Name}:AppId"] = wiseAccess.AppId,
            [$"Credentials:{wiseAccess.Name}:AppKey"] = wiseAccess.AppKey,
            [$"Credentials:{vsmartAccess.Name}:Username"] = vsmartAccess.Username,
            [$"Credentials:{vsmartAccess.Name}:Password"] = vsmartAccess.Password,
            [$"Credentials:{brocade.Installation.Name}:SipUser"] = brocade.Installation.SipUser,
            [$"Credentials:{brocade.Installation.Name}:SipPassword"] = brocade.Installation.SipPassword,
            ["Adapters:Brocade:StateDirectory"] = Path.Combine(directory, "brocade-adapter"),
        };
        // Handlers of IBL steps running at once on the node (Ibl:Parallelism, default 8): LSB_BENCH_IBL_PARALLELISM overrides.
        if (Environment.GetEnvironmentVariable("LSB_BENCH_IBL_PARALLELISM") is { Length: > 0 } parallelism) config["Ibl:Parallelism"] = parallelism;
        var n = 2;
        foreach (var isil in libraries.Keys)
        {
            config[string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{n}:Key")] = LibraryKey(isil);
            config[string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{n}:Name")] = $"library-{isil}";
            config[string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{n}:Scopes:0")] = "library:" + isil;
            n++;
        }
        var hub = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(config));
        await hub.StartAsync();
        var world = new BenchWorld(hub, wise, vsmart, brocade, directory, libraries);
        await world.RegisterAsync(wiseAccess.Name, "Wise", wiseAccess.Endpoint, wiseAccess.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
        await world.RegisterAsync(vsmartAccess.Name, "VSmart", vsmartAccess.Endpoint, vsmartAccess.Libraries.Select(l => (l.Isil, l.LibraryId, l.Name)));
        await world.RegisterAsync(brocade.Installation.Name, "Brocade", brocade.Installation.Endpoint, brocade.Installation.Libraries.Select(l => (l.Isil, l.LibraryCode, l.Name)));
        return world;
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>A lendable, available copy of a new title at <paramref name="isil"/>; returns its barcode.</summary>
    public string AddCopy(string isil, string isbn)
    {
        var (vendor, installation, libraryId) = Libraries[isil];
        const string Title = "Het boek van de leenketen";
        return vendor switch
        {
            "Wise" => Wise.Control.AddItem(installation, libraryId, new ItemDraft { Isbn = isbn, Title = Title, Author = "Jansen, A.", LendableForIbl = true, MaterialType = "BOEK" }).Barcode,
            "VSmart" => VSmart.Control.AddCopy(installation, libraryId, new Simulators.VSmart.CopyDraft { Isbn = isbn, Title = Title, Author = "A. Jansen", MaterialCode = "BK", Status = "AV", Policy = "IBL" }).Barcode,
            _ => Brocade.Control.AddCopy(new Simulators.Brocade.Control.CopyDraft { LibraryCode = libraryId, Isbn = isbn, Title = Title, Author = "Jansen, A.", Material = "BK", Status = "A", LendableForIbl = true }).Barcode,
        };
    }

    /// <summary>A new member at <paramref name="isil"/>; returns the card number.</summary>
    public string AddMember(string isil, int n)
    {
        var (vendor, installation, libraryId) = Libraries[isil];
        var card = string.Create(CultureInfo.InvariantCulture, $"29{isil[5..9]}{n:D8}");
        if (vendor == "Wise") Wise.Control.AddPatron(installation, libraryId, new PatronDraft { CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "ACT" });
        else if (vendor == "VSmart") VSmart.Control.AddBorrower(installation, libraryId, new BorrowerDraft { CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "OK" });
        else Brocade.Control.AddMember(new Simulators.Brocade.Control.MemberDraft { LibraryCode = libraryId, CardNumber = card, GivenName = "Noor", FamilyName = "Vermeulen", Status = "A" });
        return card;
    }

    /// <summary>A scalar over the hub's state.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>Rows over the hub's state.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    private async Task RegisterAsync(string id, string vendor, Uri endpoint, IEnumerable<(string Isil, string LibraryId, string Name)> libraries)
    {
        using var client = Client(PoiKey);
        using var response = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id, vendor, owningPoi = "benchpoi", endpoint = endpoint.ToString(), credentialsRef = id,
            libraries = libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId, name = l.Name }).ToArray(),
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.StopAsync();
        await Hub.DisposeAsync();
        await Wise.DisposeAsync();
        await VSmart.DisposeAsync();
        await Brocade.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"Could not remove {_directory}: {e.Message}"); }
    }
}
