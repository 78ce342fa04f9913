using Dapper;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// <see cref="StateWriter"/> updates a held row without its indexed columns when they keep their stored values (SQLite).
/// Whichever way a row is written, the table and its indexes must hold exactly the new values: a row whose indexed
/// columns changed, or whose stored row ingest changed in place (a removed member's personal data), is written whole.
/// </summary>
public abstract class StateWriteTests(TestBackend backend) : IAsyncLifetime
{
    private const string Installation = "state-test";
    private CustomerHub _hub = null!;
    private DirectCopies _copies = null!;
    private long _version = 1;

    public async ValueTask InitializeAsync()
    {
        _hub = await CustomerHub.StartAsync(backend);
        _copies = new DirectCopies(() => _hub.Hub.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_a_copy_changes_only_unindexed_columns_and_then_moves_Should_find_it_by_its_current_branch_and_barcode_only()
    {
        var id = await _copies.PutAsync("c1", "NL-0851010000", "35100000001001", shelfmark: "ROMAN A");
        await _copies.PutAsync("c1", "NL-0851010000", "35100000001001", shelfmark: "ROMAN B");

        Assert.Equal(["ROMAN B"], await ScalarsAsync("SELECT shelfmark FROM holdings WHERE barcode = '35100000001001'"));

        await _copies.PutAsync("c1", "NL-0851020000", "35100000002002", shelfmark: "ROMAN B");

        Assert.Equal([id], await ScalarsAsync("SELECT id FROM holdings WHERE barcode = '35100000002002'"));
        Assert.Empty(await ScalarsAsync("SELECT id FROM holdings WHERE barcode = '35100000001001'"));
        Assert.Equal([id], await ScalarsAsync("SELECT id FROM holdings WHERE isil = 'NL-0851020000'"));
        Assert.Empty(await ScalarsAsync("SELECT id FROM holdings WHERE isil = 'NL-0851010000'"));
    }

    [Fact]
    public async Task When_a_member_is_removed_Should_no_longer_be_found_by_card_number()
    {
        // The removal scrubs the stored row in place: its indexed card number changes although the row object is the one read.
        var id = await _hub.AddMemberAsync(Installation, _hub.Member("m1", "NL-0851010000", "20100000000001", nationalUserId: "nat-0001"));
        await _hub.IngestAsync(Installation, new MemberGone
        {
            LocalId = "m1", SourceEventId = "test:m1:gone", SourceVersion = 1_000_000, OccurredAt = DateTimeOffset.UtcNow, HomeIsil = Isil.Parse("NL-0851010000"),
        });

        Assert.Empty(await ScalarsAsync("SELECT id FROM members WHERE card_number = '20100000000001'"));
        Assert.Empty(await ScalarsAsync("SELECT id FROM members WHERE national_user_id = 'nat-0001'"));
        Assert.Equal([id], await ScalarsAsync("SELECT id FROM members WHERE removed = @yes", new { yes = true }));
    }

    [Fact]
    public async Task When_a_loan_is_renewed_and_then_returned_Should_be_due_for_retention_only_once_returned()
    {
        await _hub.IngestAsync(Installation, Loan(renewals: 0, ended: null));
        await _hub.IngestAsync(Installation, Loan(renewals: 1, ended: null));

        Assert.Equal(["1"], await ScalarsAsync("SELECT CAST(renewals AS TEXT) FROM loans WHERE member_id = (SELECT canonical_id FROM id_map WHERE local_id = 'm2')"));
        Assert.Empty(await ScalarsAsync(EndedLoansSql));

        await _hub.IngestAsync(Installation, Loan(renewals: 1, ended: new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));

        Assert.Single(await ScalarsAsync(EndedLoansSql));
    }

    [Fact]
    public async Task When_a_row_read_for_the_page_is_gone_by_the_time_it_is_written_Should_write_it_whole()
    {
        var id = await _copies.PutAsync("c3", "NL-0851010000", "35100000003003", shelfmark: "ROMAN A");

        await WriteCopyChangedMeanwhileAsync("c3", "DELETE FROM holdings WHERE id = @id", id, row => row.Shelfmark = "ROMAN B");

        Assert.Equal(["ROMAN B"], await ScalarsAsync("SELECT shelfmark FROM holdings WHERE barcode = '35100000003003'"));
    }

    [Fact]
    public async Task When_a_copy_moves_to_another_branch_with_its_barcode_Should_be_found_by_that_barcode_and_its_new_branch_only()
    {
        var id = await _copies.PutAsync("c4", "NL-0851010000", "35100000004004", shelfmark: "ROMAN A");
        await _copies.PutAsync("c4", "NL-0851020000", "35100000004004", shelfmark: "ROMAN A");

        Assert.Equal([id], await ScalarsAsync("SELECT id FROM holdings WHERE barcode = '35100000004004'"));
        Assert.Equal([id], await ScalarsAsync("SELECT id FROM holdings WHERE isil = 'NL-0851020000' AND barcode = '35100000004004'"));
        Assert.Empty(await ScalarsAsync("SELECT id FROM holdings WHERE isil = 'NL-0851010000'"));
        await AssertTableAndIndexesAgreeAsync();
    }

    [Fact]
    public async Task When_a_loan_is_returned_Should_keep_its_member_and_copy_indexes_and_become_due_for_retention()
    {
        await _hub.IngestAsync(Installation, Loan(renewals: 0, ended: null));
        var member = Assert.Single(await ScalarsAsync("SELECT canonical_id FROM id_map WHERE local_id = 'm2'"));

        await _hub.IngestAsync(Installation, Loan(renewals: 0, ended: new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));

        var loan = Assert.Single(await ScalarsAsync(EndedLoansSql));
        Assert.Equal([loan], await ScalarsAsync("SELECT id FROM loans WHERE member_id = @member", new { member }));
        Assert.Equal([loan], await ScalarsAsync("SELECT id FROM loans WHERE isil = 'NL-0851010000'"));
        await AssertTableAndIndexesAgreeAsync();
    }

    [Fact]
    public async Task When_an_indexed_column_the_page_keeps_was_changed_in_the_table_meanwhile_Should_write_the_row_whole()
    {
        // The page changes the copy's branch (one indexed column) and reads its barcode as unchanged; meanwhile the stored
        // barcode is changed in place. An update that set only the branch would leave that barcode, and its index entry, behind.
        var id = await _copies.PutAsync("c5", "NL-0851010000", "35100000005005", shelfmark: "ROMAN A");

        await WriteCopyChangedMeanwhileAsync("c5", "UPDATE holdings SET barcode = 'scrubbed' WHERE id = @id", id, row => row.Isil = "NL-0851020000");

        Assert.Equal([id], await ScalarsAsync("SELECT id FROM holdings WHERE barcode = '35100000005005' AND isil = 'NL-0851020000'"));
        Assert.Empty(await ScalarsAsync("SELECT id FROM holdings WHERE barcode = 'scrubbed'"));
    }

    // In one transaction: reads copy localId for a page, runs meanwhileSql on the stored row (@id), then writes the
    // page's row with change applied (to a copy of the row read, as ingest does).
    private async Task WriteCopyChangedMeanwhileAsync(string localId, string meanwhileSql, string id, Action<HoldingRow> change)
    {
        var database = _hub.Hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, CancellationToken.None);
        var set = await WorkingSet.LoadAsync(connection, transaction, database.Dialect, DirectCopies.Installation,
            [Copy(localId)], CancellationToken.None);
        await connection.ExecuteAsync(meanwhileSql, new { id }, transaction);
        var tracked = set.Holdings[localId];
        var row = tracked.Row!.Copy();
        change(row);
        tracked.Row = row;
        tracked.Dirty = true;

        await StateWriter.WriteAsync(connection, transaction, set, DateTimeOffset.UtcNow.ToString("O"), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private const string EndedLoansSql =
        "SELECT id FROM loans WHERE ended_at IS NOT NULL AND pseudonymised_at IS NULL AND retention_kept_at IS NULL ORDER BY ended_at, id";

    private LoanSnapshot Loan(int renewals, DateTimeOffset? ended)
    {
        var version = Interlocked.Increment(ref _version);
        return new LoanSnapshot
        {
            LocalId = "l2", SourceEventId = $"test:l2:{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UtcNow,
            Isil = Isil.Parse("NL-0851010000"), MemberLocalId = "m2", HoldingLocalId = "c2",
            StartedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), DueAt = new DateTimeOffset(2026, 11, 22 + (7 * renewals), 23, 59, 59, TimeSpan.Zero),
            EndedAt = ended, Renewals = renewals,
        };
    }

    private static HoldingSnapshot Copy(string localId) => new()
    {
        LocalId = localId, SourceEventId = $"{localId}-read", SourceVersion = 1, OccurredAt = DateTimeOffset.UtcNow,
        Isil = Isil.Parse("NL-0851010000"), Barcode = "35100000003003", Bibliographic = new BibliographicIds(null, null, null, "T" + localId),
        Title = "Testtitel", MaterialType = MaterialType.Book, Status = HoldingStatus.Available, LendableForIbl = true,
    };

    // SQLite's integrity check compares every index with its table. PostgreSQL's writes are plain upserts, and it has no
    // such check; the queries through the indexes above are its test.
    private async Task AssertTableAndIndexesAgreeAsync()
    {
        if (_hub.Database.Dialect.IsPostgres) return;
        Assert.Equal(["ok"], await ScalarsAsync("PRAGMA integrity_check"));
    }

    private async Task<List<string>> ScalarsAsync(string sql, object? parameters = null)
    {
        await using var connection = await _hub.Database.OpenAsync();
        return [.. await connection.QueryAsync<string>(sql, parameters)];
    }
}

public sealed class StateWriteTests_on_Sqlite() : StateWriteTests(TestBackend.Sqlite);

public sealed class StateWriteTests_on_Postgres() : StateWriteTests(TestBackend.Postgres);
