using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Installations;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lsb.Hub.Bench;

/// <summary>
/// Issue 10: ingest throughput on PostgreSQL + RabbitMQ with 1, 2 and 3 hub nodes (in one process, sharing the
/// machine's cores as they would share a host), the same simulator load each time; and the DWH feed's read rate from
/// position zero over HTTP. Needs LSB_BENCH_POSTGRES and LSB_BENCH_RABBITMQ.
/// </summary>
public static class ScaleOutBenchmark
{
    private const string AdminKey = "bench-admin-key-0000000001";
    private static readonly string DwhKeyValue = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());

    /// <summary>
    /// Runs <paramref name="nodes"/> hub nodes on <paramref name="postgres"/> and <paramref name="rabbit"/>, generates
    /// <paramref name="count"/> Wise changes and waits for <paramref name="expectedEvents"/> (what the embedded default
    /// made of the same seeded load) or 60 s of quiet.
    /// </summary>
    public static async Task<Measurement> RunAsync(int count, int nodes, string postgres, string rabbit, long expectedEvents)
    {
        var schema = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 50, ItemsPerLibrary = 200, LoansPerLibrary = 20 });
        var access = wise.Installation(WiseDefaultTopology.InstallationName);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = postgres,
            ["Storage:Schema"] = schema,
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = rabbit,
            ["Bus:QueuePrefix"] = schema,
            ["Ingest:PageSize"] = "1000",
            ["Ingest:PollInterval"] = "00:00:00.100",
            ["Ingest:RegistryRefresh"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Warning",
            ["Auth:ApiKeys:0:Key"] = AdminKey,
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            [$"Credentials:{access.Name}:AppId"] = access.AppId,
            [$"Credentials:{access.Name}:AppKey"] = access.AppKey,
        };
        var apps = new List<WebApplication>();
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
                await app.StartAsync();
                apps.Add(app);
            }
            var database = apps[0].Services.GetRequiredService<HubDatabase>();
            await apps[0].Services.GetRequiredService<InstallationStore>().RegisterAsync(new InstallationDescriptor(InstallationId.Parse(access.Name), Vendor.Wise,
                access.Endpoint, access.Name, [.. access.Libraries.Select(l => new LibraryRef(Isil.Parse(l.Isil), l.LibraryId, l.Name))]), "bench", null, "bench", CancellationToken.None);
            await WaitUntilQuietAsync(database, Stopwatch.StartNew(), 1, 0);
            var headBefore = await HeadAsync(database);
            var readBefore = await ReadAsync(database);
            wise.Control.Generate(access.Name, count);
            var clock = Stopwatch.StartNew();
            var elapsed = await WaitUntilQuietAsync(database, clock, readBefore + count, headBefore + expectedEvents);
            var events = await HeadAsync(database) - headBefore;
            var read = await ReadAsync(database) - readBefore;
            return new Measurement(events, elapsed, Detail: $"({nodes} node{(nodes > 1 ? "s" : "")}; {read:N0} vendor changes read, {read / elapsed.TotalSeconds:N0}/s)");
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP SCHEMA IF EXISTS {schema}_bus CASCADE;");
        }
    }

    /// <summary>Reads the whole DWH feed from position zero over HTTP in pages of 5,000.</summary>
    public static async Task<Measurement> FeedReadAsync(Uri hub, string apiKey)
    {
        using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        long after = 0, events = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dwh/events?after={after}&limit=5000");
            var count = page.GetProperty("events").GetArrayLength();
            if (count == 0) break;
            events += count;
            after = page.GetProperty("next").GetInt64();
        }
        return new Measurement(events, clock.Elapsed);
    }

    public static string DwhKey => DwhKeyValue;

    /// <summary>
    /// Waits until at least <paramref name="expectedRead"/> vendor changes are read, the log head has reached
    /// <paramref name="expectedHead"/>, no envelope is pending, and nothing has moved for 3 s — or 60 s of quiet short of
    /// the head (then the shortfall shows in the report). Returns when the last thing happened.
    /// </summary>
    private static async Task<TimeSpan> WaitUntilQuietAsync(HubDatabase database, Stopwatch clock, long expectedRead, long expectedHead)
    {
        long lastHead = -1, lastRead = -1;
        var quietSince = Stopwatch.StartNew();
        var finishedAt = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(50);
            await using var connection = await database.OpenAsync();
            var head = await connection.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head");
            var read = await connection.ExecuteScalarAsync<long?>("SELECT SUM(changes_read) FROM ingest_cursors") ?? 0;
            var pending = await connection.ExecuteScalarAsync<long>($"SELECT (SELECT COUNT(*) FROM {database.Options.BusSchema}.wolverine_incoming_envelopes WHERE status <> 'Handled') + (SELECT COUNT(*) FROM {database.Options.BusSchema}.wolverine_outgoing_envelopes)");
            if (head != lastHead || read != lastRead || pending > 0)
            {
                lastHead = head;
                lastRead = read;
                quietSince.Restart();
                finishedAt = clock.Elapsed;
                continue;
            }
            if (read >= expectedRead && quietSince.Elapsed > TimeSpan.FromSeconds(head >= expectedHead ? 3 : 60)) return finishedAt;
        }
    }

    private static async Task<long> ReadAsync(HubDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT SUM(changes_read) FROM ingest_cursors") ?? 0;
    }

    private static async Task<long> HeadAsync(HubDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head");
    }
}
