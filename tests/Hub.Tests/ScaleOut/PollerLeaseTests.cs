using Dapper;
using Lsb.Hub.Ingest;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Lsb.Hub.Tests.ScaleOut.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lsb.Hub.Tests.ScaleOut;

/// <summary>
/// Exactly one poller per installation, with two hub nodes on PostgreSQL (and RabbitMQ when <c>LSB_TEST_RABBITMQ</c> is
/// set; otherwise each node handles the pages it reads on its own durable local queue — the poller lease does not depend
/// on the transport). The world's own node serves the API and does not poll (<c>Ingest:Enabled false</c>); the two
/// nodes under test, "a" and "b", do, and each notes every change-feed read it makes (<see cref="RecordingAdapters"/>).
/// What docs/scale-out.md promises: one node reads an installation at a time; when it stops, the other takes over at its
/// next lease refresh with no overlap; when its lease connection breaks while it lives, the other takes over and the
/// two may both read for at most about one lease refresh (<c>Ingest:RegistryRefresh</c>, 1 s here).
/// </summary>
public sealed class PollerLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    // Two shared cores under a parallel test run: what takes a lease refresh on a quiet machine may take several seconds.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);
    private readonly PageReads _reads = new();
    private readonly Dictionary<string, WebApplication> _nodes = new(StringComparer.Ordinal);
    private WiseWorld _world = null!;

    public async ValueTask InitializeAsync()
        => _world = await WiseWorld.StartAsync(TestBackend.Postgres, new Dictionary<string, string?>
        {
            ["Ingest:Enabled"] = "false",
            ["Ingest:RegistryRefresh"] = Refresh.ToString(),
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _nodes.Keys.ToList()) await StopAsync(name);
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_two_nodes_can_poll_one_installation_Should_let_one_read_it_and_the_other_take_over_without_overlap_when_it_stops()
    {
        await StartAThenBAsync();

        // Steady state: both nodes live and refreshing their leases for several refreshes; only the holder reads.
        var steady = DateTimeOffset.UtcNow;
        await Task.Delay(6 * Refresh);
        var window = _reads.Since(steady);
        Assert.True(window.Count >= 5, $"node a stopped polling: {PageReads.Describe(window)}");
        Assert.True(window.All(r => r.Node == "a"), $"node b read while node a held the lease: {PageReads.Describe(window)}");

        var stopping = DateTimeOffset.UtcNow;
        await StopAsync("a");
        var stopped = DateTimeOffset.UtcNow;
        var takeover = await _reads.WaitForAsync(stopping, r => r.Node == "b", "node b taking over", TimeSpan.FromSeconds(60));
        Assert.True(takeover.Started - stopped < Refresh + Slack, $"node b took over {takeover.Started - stopped} after node a stopped");
        await AssertIngestGoesOnAsync();

        var reads = _reads.All();
        Assert.Equal(["a", "b"], Runs(reads));
        var lastOfA = reads.Where(r => r.Node == "a").Max(r => r.Ended);
        Assert.True(lastOfA <= takeover.Started, $"node a's last read ended at {lastOfA:HH:mm:ss.fff}, after node b's first began at {takeover.Started:HH:mm:ss.fff}");
    }

    [Fact]
    public async Task When_the_holders_lease_connection_breaks_Should_let_the_other_node_take_over_within_about_one_lease_refresh()
    {
        await StartAThenBAsync();
        await Task.Delay(3 * Refresh);
        Assert.True(_reads.All().All(r => r.Node == "a"), $"node b read while node a held the lease: {PageReads.Describe(_reads.All())}");

        // The database ends node a's lease connection (a restart, a network cut, an idle-session kill); node a lives on.
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        var key = PostgresLeases.LockKey(database.Options.Schema, WiseWorld.Installation);
        await using var admin = new NpgsqlConnection(TestBackends.PostgresConnectionString);
        await admin.OpenAsync();
        var holder = await admin.QuerySingleOrDefaultAsync<int?>(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::text::bigint = @high AND objid::text::bigint = @low",
            new { high = (long)(uint)(key >> 32), low = (long)(uint)key });
        Assert.NotNull(holder);
        var broken = DateTimeOffset.UtcNow;
        Assert.True(await admin.ExecuteScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", new { pid = holder }));

        var takeover = await _reads.WaitForAsync(broken, r => r.Node == "b", "node b taking over", TimeSpan.FromSeconds(60));
        Assert.True(takeover.Started - broken < Refresh + Slack, $"node b took over {takeover.Started - broken} after node a's lease connection broke");
        // Node a stops at its next lease refresh, when it finds the connection gone, and does not take the lease back.
        await Task.Delay(3 * Refresh + Slack);
        var since = _reads.Since(broken);
        var lastOfA = since.Where(r => r.Node == "a").Select(r => r.Started).DefaultIfEmpty(broken).Max();
        Assert.True(lastOfA - broken < Refresh + Slack, $"node a still read {lastOfA - broken} after its lease connection broke: {PageReads.Describe(since)}");
        var settled = _reads.Since(lastOfA.AddTicks(1));
        Assert.True(settled.Count >= 5 && settled.All(r => r.Node == "b"), $"after the handover: {PageReads.Describe(settled)}");
        await AssertIngestGoesOnAsync();
    }

    /// <summary>Starts node a, waits until it polls (it holds the lease), then starts node b and waits until both
    /// report in hub_nodes, refreshed within the last seconds: both take part in the lease competition.</summary>
    private async Task StartAThenBAsync()
    {
        var start = DateTimeOffset.UtcNow;
        await StartPollerAsync("a");
        await _reads.WaitForAsync(start, r => r.Node == "a", "node a polling");
        await StartPollerAsync("b");
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using (var connection = await database.OpenAsync())
            {
                var recent = DateTimeOffset.UtcNow.AddSeconds(-2 - Slack.TotalSeconds).ToString("O");
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hub_nodes WHERE last_seen >= @recent", new { recent }) >= 2) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Nodes a and b do not both report in hub_nodes.");
            await Task.Delay(200);
        }
    }

    private async Task StartPollerAsync(string name)
        => _nodes[name] = await _world.Hub.StartNodeAsync(new Dictionary<string, string?> { ["Ingest:Enabled"] = "true" },
            builder => builder.Host.UseServiceProviderFactory(new RecordingAdapters(name, _reads)));

    private async Task StopAsync(string name)
    {
        var node = _nodes[name];
        _nodes.Remove(name);
        await node.StopAsync();
        await node.DisposeAsync();
    }

    /// <summary>A patron registered now reaches the log exactly once: the node that polls now applies what it reads.</summary>
    private async Task AssertIngestGoesOnAsync()
    {
        var patron = _world.Control.AddPatron(WiseWorld.Installation, _world.Access.Libraries[0].LibraryId, new PatronDraft { CardNumber = "29990000" + Random.Shared.Next(100_000, 999_999) });
        var events = await _world.WaitForEventsAsync(e => e.Any(x => x.GetProperty("eventType").GetString() == "MemberRegistered"
            && x.GetProperty("sourceEventId").GetString()!.Contains($":patron:{patron.PatronSystemId}:", StringComparison.Ordinal)), "the new patron");
        var keys = events.Select(e => (e.GetProperty("sourceEventId").GetString(), e.GetProperty("eventType").GetString())).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    /// <summary>The nodes in the order they read, each run of reads by one node once: ["a", "b"] is one handover.</summary>
    private static List<string> Runs(IEnumerable<PageRead> reads)
    {
        var runs = new List<string>();
        foreach (var read in reads)
            if (runs.Count == 0 || runs[^1] != read.Node) runs.Add(read.Node);
        return runs;
    }
}
