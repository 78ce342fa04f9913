using Dapper;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Holdings;
using Lsb.Hub.Ingest;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Holdings;

/// <summary>
/// The holdings projection follows an ingest page inside the page's own transaction when its checkpoint is just before
/// the page (<see cref="HoldingsProjection.FollowAsync"/>), and leaves the page to its log reader otherwise. Either way
/// the union index and the holdings-sync journal must end up exactly as reading the log would leave them.
/// </summary>
public abstract class HoldingsFollowTests(TestBackend backend) : IAsyncLifetime
{
    private HubHost _hub = null!;
    private DirectCopies _copies = null!;

    public async ValueTask InitializeAsync()
    {
        _hub = await HubHost.StartAsync(backend);
        _copies = new DirectCopies(() => _hub.Services);
        // Only ingest's following and explicit catch-ups move the projection in these tests.
        await _hub.StopHoldingsProjectionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_the_projection_is_caught_up_Should_index_and_journal_each_page_in_its_own_transaction()
    {
        var id = await _copies.PutAsync("f1", "NL-0851010000", "35100000009001", isbn: "9789023466123");

        Assert.Equal(await HeadAsync(), await CheckpointAsync());
        Assert.Equal(["9789023466123"], await ScalarsAsync("SELECT isbn13 FROM holdings_index WHERE holding_id = @id", id));
        Assert.Equal(["NL-0851010000"], await ScalarsAsync("SELECT isil FROM holdings_sync_journal WHERE holding_id = @id", id));
    }

    [Fact]
    public async Task When_a_copy_changes_Should_index_it_under_its_current_identifiers_only()
    {
        // A catalogue change keeps the identifiers (the index row's other columns move); a corrected ISBN and a new PPN
        // move its index entries.
        var id = await _copies.PutAsync("i1", "NL-0851010000", "35100000009031", isbn: "9789023466123");
        var first = await ScalarsAsync("SELECT CAST(position AS TEXT) FROM holdings_index WHERE holding_id = @id", id);
        await _copies.PutAsync("i1", "NL-0851010000", "35100000009031", isbn: "9789023466123", title: "Andere titel");

        Assert.NotEqual(first, await ScalarsAsync("SELECT CAST(position AS TEXT) FROM holdings_index WHERE holding_id = @id", id));

        await _copies.PutAsync("i1", "NL-0851010000", "35100000009031", isbn: "9789000000001", ppn: "12345678X", title: "Andere titel");

        Assert.Equal([id], await ScalarsAsync("SELECT holding_id FROM holdings_index WHERE isbn13 = '9789000000001'", id));
        Assert.Equal([id], await ScalarsAsync("SELECT holding_id FROM holdings_index WHERE ppn = '12345678X'", id));
        Assert.Empty(await ScalarsAsync("SELECT holding_id FROM holdings_index WHERE isbn13 = '9789023466123'", id));
    }

    [Fact]
    public async Task When_the_projection_is_behind_Should_leave_the_page_to_it()
    {
        await _copies.PutAsync("b0", "NL-0851010000", "35100000009010", isbn: "9789000000001");
        await MoveCheckpointBackAsync();
        var checkpoint = await CheckpointAsync();

        var id = await _copies.PutAsync("b1", "NL-0851010000", "35100000009011", isbn: "9789023466123");

        Assert.Equal(checkpoint, await CheckpointAsync());
        Assert.Empty(await ScalarsAsync("SELECT isbn13 FROM holdings_index WHERE holding_id = @id", id));
        await _hub.Services.GetRequiredService<HoldingsProjection>().CatchUpAsync(CancellationToken.None);
        Assert.Equal(["9789023466123"], await ScalarsAsync("SELECT isbn13 FROM holdings_index WHERE holding_id = @id", id));
    }

    [Fact]
    public async Task When_pages_are_followed_Should_leave_the_index_and_journal_as_reading_the_log_after_each_commit_does()
    {
        // The same story twice: once followed by ingest page by page; once by an ingest without followers, with the
        // projection reading the log after every commit (its background service's rhythm).
        await TellAsync(_copies, "x", () => Task.CompletedTask);
        var followed = await SnapshotAsync("x");
        var unfollowed = IngestFollowedBy();
        var projection = _hub.Services.GetRequiredService<HoldingsProjection>();
        await TellAsync(new DirectCopies(() => _hub.Services, () => unfollowed), "y", () => projection.CatchUpAsync(CancellationToken.None));
        var read = await SnapshotAsync("y");

        Assert.Equal(await HeadAsync(), await CheckpointAsync());
        // The copy that moved stays in the journal for the branch it left (the next batch may have to delete it there);
        // the loan (a status change only) moves neither index nor journal.
        Assert.Equal(
        [
            "index 1 NL-0851020000 9789023466123  False +4",
            "index 2 NL-0851010000  12345678X True +3",
            "journal 1 NL-0851010000 +2 False",
            "journal 1 NL-0851020000 +4 False",
            "journal 2 NL-0851010000 +3 False",
        ], followed);
        Assert.Equal(followed, read);
    }

    [Fact]
    public async Task When_a_follower_fails_Should_apply_the_page_and_roll_back_only_what_the_follower_wrote()
    {
        var ingest = IngestFollowedBy(new HalfWayFailingFollower(), _hub.Services.GetRequiredService<HoldingsProjection>());
        var copies = new DirectCopies(() => _hub.Services, () => ingest);

        var id = await copies.PutAsync("s1", "NL-0851010000", "35100000009021", isbn: "9789023466123");

        Assert.Equal(await HeadAsync(), await CheckpointAsync()); // the projection after it still followed the page
        Assert.Equal(["9789023466123"], await ScalarsAsync("SELECT isbn13 FROM holdings_index WHERE holding_id = @id", id));
        Assert.Empty(await ScalarsAsync("SELECT holding_id FROM holdings_index WHERE holding_id = 'half-way'", id));
    }

    // The hub's canonical ingest with other log followers than the hub's own.
    private CanonicalIngest IngestFollowedBy(params IIngestLogFollower[] followers)
    {
        var services = _hub.Services;
        return new CanonicalIngest(services.GetRequiredService<HubDatabase>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Hub.EventLog.EventLogSignal>(), services.GetServices<IIngestParticipant>(), services.GetRequiredService<IGuestLoanSource>(),
            followers, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestOptions>>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CanonicalIngest>>());
    }

    // Writes an index row, then fails.
    private sealed class HalfWayFailingFollower : IIngestLogFollower
    {
        public async Task FollowAsync(AppendedPage page, CancellationToken cancellationToken)
        {
            await page.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO holdings_index (holding_id, isil, withdrawn, position) VALUES ('half-way', 'NL-0851010000', @no, 1)",
                new { no = false }, page.Transaction, cancellationToken: cancellationToken));
            throw new InvalidOperationException("A follower's bug.");
        }
    }

    // Added, retitled (catalogue change), withdrawn, moved to another branch, lent (a status change only: neither index
    // nor journal moves).
    private static async Task TellAsync(DirectCopies copies, string prefix, Func<Task> afterEachPage)
    {
        await copies.PutAsync(prefix + "1", "NL-0851010000", prefix + "-bc1", isbn: "9789023466123");
        await afterEachPage();
        await copies.PutAsync(prefix + "2", "NL-0851010000", prefix + "-bc2", ppn: "12345678X");
        await afterEachPage();
        await copies.PutAsync(prefix + "1", "NL-0851010000", prefix + "-bc1", isbn: "9789023466123", title: "Andere titel");
        await afterEachPage();
        await copies.WithdrawAsync(prefix + "2", "NL-0851010000");
        await afterEachPage();
        await copies.PutAsync(prefix + "1", "NL-0851020000", prefix + "-bc1", isbn: "9789023466123", title: "Andere titel");
        await afterEachPage();
        await copies.PutAsync(prefix + "1", "NL-0851020000", prefix + "-bc1", isbn: "9789023466123", title: "Andere titel", status: HoldingStatus.OnLoan);
        await afterEachPage();
    }

    // Index and journal rows of the story's copies, keyed by local id, with positions made relative to the story's first event.
    private async Task<List<string>> SnapshotAsync(string prefix)
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        var first = await connection.ExecuteScalarAsync<long>(
            "SELECT MIN(e.position) FROM event_log e JOIN id_map m ON m.canonical_id = e.subject_id WHERE m.local_id LIKE @p", new { p = prefix + "%" });
        var index = await connection.QueryAsync<(string, string, string?, string?, bool, long)>(
            "SELECT m.local_id, i.isil, i.isbn13, i.ppn, i.withdrawn, i.position FROM holdings_index i JOIN id_map m ON m.canonical_id = i.holding_id " +
            "WHERE m.local_id LIKE @p ORDER BY m.local_id", new { p = prefix + "%" });
        var journal = await connection.QueryAsync<(string, string, long, bool)>(
            "SELECT m.local_id, j.isil, j.position, j.forced FROM holdings_sync_journal j JOIN id_map m ON m.canonical_id = j.holding_id " +
            "WHERE m.local_id LIKE @p ORDER BY m.local_id, j.isil", new { p = prefix + "%" });
        return
        [
            .. index.Select(r => $"index {r.Item1[1..]} {r.Item2} {r.Item3} {r.Item4} {r.Item5} +{r.Item6 - first}"),
            .. journal.Select(r => $"journal {r.Item1[1..]} {r.Item2} +{r.Item3 - first} {r.Item4}"),
        ];
    }

    private async Task MoveCheckpointBackAsync()
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        await connection.ExecuteAsync("UPDATE holdings_projection SET position = position - 1 WHERE id = 1");
    }

    private async Task<long> CheckpointAsync()
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT position FROM holdings_projection WHERE id = 1");
    }

    private async Task<long> HeadAsync()
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT last_position FROM event_log_head WHERE id = 1");
    }

    private async Task<List<string?>> ScalarsAsync(string sql, string id)
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return [.. await connection.QueryAsync<string?>(sql, new { id })];
    }
}

public sealed class HoldingsFollowTests_on_Sqlite() : HoldingsFollowTests(TestBackend.Sqlite);

public sealed class HoldingsFollowTests_on_Postgres() : HoldingsFollowTests(TestBackend.Postgres);
