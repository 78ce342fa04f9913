using System.Net;
using System.Net.Http.Json;
using Dapper;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;
using Npgsql;

namespace Lsb.Hub.Tests.ScaleOut;

/// <summary>
/// Two hub nodes (separate processes) on PostgreSQL + RabbitMQ ingest one installation's changes; the node that polls
/// is killed with SIGKILL mid-ingest. The survivor must take over polling and finish, with every change applied once
/// and the event log gap-free. Needs LSB_TEST_POSTGRES and LSB_TEST_RABBITMQ; LSB_TEST_KILL_CHANGES sets the size
/// (default 100,000).
/// </summary>
public sealed class NodeKillTests : IAsyncLifetime
{
    private readonly string _schema = "k" + Guid.NewGuid().ToString("N")[..12];
    private WiseSimulatorHost? _wise;
    private readonly List<HubProcess> _nodes = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_wise is not null) await _wise.DisposeAsync();
        await TestBackends.RemoveHubStateAsync(_schema);
    }

    [Fact]
    public async Task When_the_polling_node_is_killed_mid_ingest_Should_let_the_survivor_finish_with_every_change_applied_once()
    {
        if (TestBackends.PostgresConnectionString is null || TestBackends.RabbitMqUri is null)
            Assert.Skip($"Needs PostgreSQL and RabbitMQ: set {TestBackends.PostgresVariable} and {TestBackends.RabbitMqVariable} (CI does; see .ci/run).");
        var count = int.TryParse(Environment.GetEnvironmentVariable("LSB_TEST_KILL_CHANGES"), out var n) ? n : 100_000;

        _wise = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 20, ItemsPerLibrary = 40, LoansPerLibrary = 5 });
        var access = _wise.Installation(WiseWorld.Installation);
        _wise.Control.Generate(access.Name, count);

        var environment = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = TestBackends.PostgresConnectionString,
            ["Storage:Schema"] = _schema,
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMqUri"] = TestBackends.RabbitMqUri,
            ["Bus:QueuePrefix"] = _schema,
            ["Bus:StaleNodeTimeout"] = "00:00:06",
            ["Ingest:PageSize"] = "500",
            ["Ingest:PollInterval"] = "00:00:00.200",
            ["Ingest:RegistryRefresh"] = "00:00:01",
            ["Auth:ApiKeys:0:Key"] = HubHost.AdminKey,
            ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            [$"Credentials:{access.Name}:AppId"] = access.AppId,
            [$"Credentials:{access.Name}:AppKey"] = access.AppKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        _nodes.Add(await HubProcess.StartAsync("node-a", environment));
        _nodes.Add(await HubProcess.StartAsync("node-b", environment));

        using var client = new HttpClient { BaseAddress = _nodes[0].BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", HubHost.AdminKey);
        var registered = await client.PostAsJsonAsync("/api/v1/installations", new
        {
            id = access.Name, vendor = "Wise", owningPoi = "testpoi", endpoint = access.Endpoint.ToString(), credentialsRef = access.Name,
            libraries = access.Libraries.Select(l => new { isil = l.Isil, vendorLibraryId = l.LibraryId }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestBackends.PostgresConnectionString) { SearchPath = _schema }.ToString());
        await db.OpenAsync();

        // Let a third of the changes land, then kill whichever node holds the poller lease.
        await WaitAsync(async () => await db.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(changes_read), 0) FROM ingest_cursors") >= count / 3,
            "a third of the changes read", _nodes);
        var pollerNode = await db.ExecuteScalarAsync<string>("SELECT node_id FROM hub_nodes WHERE polling > 0 ORDER BY last_seen DESC LIMIT 1");
        var victim = _nodes.FirstOrDefault(n => pollerNode is not null && pollerNode.Contains($"-{n.ProcessId}-", StringComparison.Ordinal)) ?? _nodes[0];
        var survivor = _nodes.First(n => n != victim);
        var headAtKill = await db.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head");
        victim.Kill();

        var stats = _wise.Control.Statistics(access.Name);
        await WaitAsync(async () =>
        {
            var read = await db.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(changes_read), 0) FROM ingest_cursors");
            var members = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM members WHERE NOT removed");
            var holdings = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE NOT withdrawn");
            var openLoans = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE ended_at IS NULL");
            return read >= count && members == stats.Patrons && holdings == stats.Items && openLoans == stats.OpenLoans;
        }, "the survivor to finish the ingest", [survivor], TimeSpan.FromMinutes(6));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var head = await db.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head");
        Assert.True(head > headAtKill, "the survivor appended nothing after the kill");
        var positions = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM event_log");
        var (min, max) = await db.QuerySingleAsync<(long, long)>("SELECT MIN(position), MAX(position) FROM event_log");
        Assert.Equal((1L, head), (min, max));
        Assert.Equal(head, positions);
        var duplicates = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT source_event_id, event_type FROM event_log GROUP BY source_event_id, event_type HAVING COUNT(*) > 1) d");
        Assert.Equal(0, duplicates);
        var doubleMapped = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT installation_id, entity, local_id FROM id_map GROUP BY installation_id, entity, local_id HAVING COUNT(*) > 1) d");
        Assert.Equal(0, doubleMapped);
        Assert.Equal(stats.Patrons, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM members WHERE NOT removed"));
        Assert.Equal(stats.Items, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE NOT withdrawn"));
        Assert.Equal(stats.OpenLoans, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE ended_at IS NULL"));
        Assert.False(survivor.HasExited, survivor.Tail());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, IReadOnlyList<HubProcess> nodes, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(4));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.\n" + string.Join("\n---\n", nodes.Select(n => $"{n.Name}:\n{n.Tail()}")));
            await Task.Delay(250);
        }
    }
}
