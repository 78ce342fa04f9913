using System.Net;
using System.Net.Http.Json;
using Dapper;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// THE KILL TEST: the hub runs as its own process, harvesting a V-smart installation of some 6,000 records; it is killed
/// (the whole process tree, no shutdown) in the middle of the OAI-PMH harvest and started again on the same data. It must
/// end with exactly the simulator's copies as canonical holdings — none missing, none twice — and a log in which no event
/// appears twice.
/// </summary>
public abstract class VSmartHarvestKillTests(TestBackend backend) : IAsyncLifetime
{
    private const string Installation = VSmartDefaultTopology.InstallationName;
    private VSmartSimulatorHost _vsmart = null!;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lsb-hub-kill", Guid.NewGuid().ToString("N"));
    private readonly string _schema = "tkill" + Guid.NewGuid().ToString("N")[..10];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        TestBackends.SkipUnlessAvailable(backend);
        _vsmart = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 5, CopiesPerLibrary = 10, LoansPerLibrary = 2, OaiPageSize = 100 });
        _vsmart.Control.GenerateRecords(Installation, 6_000, null, 2);
    }

    public async ValueTask DisposeAsync()
    {
        if (_vsmart is not null) await _vsmart.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            try { Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { /* a file still held open; the temp folder is cleaned by the OS */ }
        }
        if (backend == TestBackend.Postgres) await TestBackends.RemoveHubStateAsync(_schema);
    }

    [Fact]
    public async Task When_the_hub_is_killed_mid_harvest_and_started_again_Should_hold_exactly_the_simulators_copies_and_log_nothing_twice()
    {
        var access = _vsmart.Installation(Installation);
        var expected = _vsmart.Control.CollectionCopies(Installation).Select(c => c.ItemId).ToHashSet(StringComparer.Ordinal);
        var database = Database();

        await using (var first = await HubProcess.StartAsync("vsmart-harvest-1", Environment(access)))
        {
            using (var client = Client(first))
            using (var registered = await client.PostAsJsonAsync("/api/v1/installations", VSmartWorld.Registration(access, "kill-test"), Cancel))
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var read = await WaitForChangesReadAsync(database, expected.Count / 4, first);
            Assert.True(read < expected.Count * 3 / 4, $"The harvest was {read} of {expected.Count} changes along before it could be interrupted: generate more records.");
            first.Kill();
        }
        var cursor = await ScalarAsync<string?>(database, "SELECT cursor FROM ingest_cursors WHERE installation_id = @installation");
        Assert.True(cursor?.Contains("\"run\":", StringComparison.Ordinal) == true, $"The hub was not killed mid-harvest: its cursor is {cursor}");

        await using var second = await HubProcess.StartAsync("vsmart-harvest-2", Environment(access));
        await WaitForHoldingsAsync(database, expected.Count, second);
        var live = (await QueryAsync<string>(database,
            "SELECT m.local_id FROM holdings h JOIN id_map m ON m.canonical_id = h.id WHERE h.installation_id = @installation AND h.withdrawn = @no")).ToList();
        Assert.Equal(live.Count, live.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), live.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, await ScalarAsync<long>(database, "SELECT COUNT(*) FROM holdings WHERE installation_id = @installation"));

        var events = await VSmartWorld.ReadEventsAsync(Client(second));
        var added = events.Where(e => e.GetProperty("eventType").GetString() == "HoldingAdded").ToList();
        Assert.Equal(expected.Count, added.Count);
        Assert.Equal(added.Count, added.Select(e => e.GetProperty("subjectId").GetString()).Distinct().Count());
        var keys = events.Select(e => (e.GetProperty("eventType").GetString(), e.GetProperty("subjectId").GetString(), e.GetProperty("sourceEventId").GetString())).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var positions = events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
    }

    private const string AdminKey = "vsmart-kill-test-admin-key-000001";

    private static HttpClient Client(HubProcess hub)
    {
        var client = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    private Dictionary<string, string?> Environment(VSmartInstallationAccess access)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Auth__ApiKeys__0__Name"] = "kill-test-admin",
            ["Auth__ApiKeys__0__Key"] = AdminKey,
            ["Auth__ApiKeys__0__Scopes__0"] = "admin",
            [$"Credentials__{Installation}__Username"] = access.Username,
            [$"Credentials__{Installation}__Password"] = access.Password,
            ["Ingest__PageSize"] = "100",
            ["Ingest__PollInterval"] = "00:00:00.200",
            ["Ingest__FailureBackoff"] = "00:00:00.200",
            ["Ingest__RegistryRefresh"] = "00:00:01",
            ["Mappings__Path"] = MappingsFolder(),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        if (backend == TestBackend.Sqlite)
        {
            environment["Storage__Provider"] = "Sqlite";
            environment["Storage__DataDirectory"] = _dataDirectory;
        }
        else
        {
            environment["Storage__Provider"] = "Postgres";
            environment["Storage__ConnectionString"] = TestBackends.PostgresConnectionString;
            environment["Storage__Schema"] = _schema;
        }
        return environment;
    }

    private HubDatabase Database() => new(Options.Create(backend == TestBackend.Sqlite
        ? new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = _dataDirectory }
        : new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = TestBackends.PostgresConnectionString, Schema = _schema }));

    private static async Task<long> WaitForChangesReadAsync(HubDatabase database, long atLeast, HubProcess hub)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var read = await SafeScalarAsync(database, "SELECT changes_read FROM ingest_cursors WHERE installation_id = @installation");
            if (read >= atLeast) return read;
            if (hub.HasExited || DateTime.UtcNow > deadline) throw new TimeoutException($"The hub read {read} changes, waiting for {atLeast}:\n{hub.Tail()}");
            await Task.Delay(50, Cancel);
        }
    }

    private static async Task WaitForHoldingsAsync(HubDatabase database, long expected, HubProcess hub)
    {
        var deadline = DateTime.UtcNow.AddSeconds(240);
        long stableAt = -1;
        var stableSince = DateTime.UtcNow;
        while (true)
        {
            var holdings = await SafeScalarAsync(database, "SELECT COUNT(*) FROM holdings WHERE installation_id = @installation");
            var read = await SafeScalarAsync(database, "SELECT changes_read FROM ingest_cursors WHERE installation_id = @installation");
            if (read != stableAt)
            {
                stableAt = read;
                stableSince = DateTime.UtcNow;
            }
            // Done when every copy is held and nothing more has been read for two seconds (a duplicate would show by then).
            if (holdings >= expected && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(2)) return;
            if (hub.HasExited || DateTime.UtcNow > deadline) throw new TimeoutException($"The hub holds {holdings} of {expected} copies:\n{hub.Tail()}");
            await Task.Delay(200, Cancel);
        }
    }

    private static async Task<long> SafeScalarAsync(HubDatabase database, string sql)
    {
        try
        {
            return await ScalarAsync<long?>(database, sql) ?? 0;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or NpgsqlException)
        {
            return 0; // the schema is not there yet, or the database is busy for a moment
        }
    }

    private static async Task<T> ScalarAsync<T>(HubDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, new { installation = Installation }))!;
    }

    private static async Task<IEnumerable<T>> QueryAsync<T>(HubDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QueryAsync<T>(sql, new { installation = Installation, no = false });
    }

    private static string MappingsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mappings");
            if (Directory.Exists(Path.Combine(candidate, "vsmart"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No mappings/vsmart folder above {AppContext.BaseDirectory}.");
    }
}

public sealed class VSmartHarvestKillTests_on_Sqlite() : VSmartHarvestKillTests(TestBackend.Sqlite);

public sealed class VSmartHarvestKillTests_on_Postgres() : VSmartHarvestKillTests(TestBackend.Postgres);
