using Dapper;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Ingest.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// On SQLite the installation's next page is decided while the page before it is written (CanonicalIngest.Ahead). It must
/// end exactly as if it had been decided in its own transaction: it sees what the page before decided, and it is decided
/// again whenever anything else was written in between or the page before failed.
/// </summary>
public sealed class DecideAheadTests : SqliteIngestTest
{
    private const string Installation = "ahead-test";

    [Fact]
    public async Task When_the_next_page_changes_what_this_page_registered_Should_apply_it_as_decided_ahead()
    {
        CanonicalChange[] first = [Hub.Member("m1", Library, "20100000000101")];
        CanonicalChange[] second = [Hub.Member("m1", Library, "20100000000101", familyName: "Jansen-Bakker")];
        var before = Ingest.DecidedAhead;

        await Ingest.ApplyAsync(Installation, first, "test", null, second, CancellationToken.None);
        await Ingest.ApplyAsync(Installation, second, "test", null, CancellationToken.None);

        Assert.Equal(before.Applied + 1, Ingest.DecidedAhead.Applied);
        var id = await Hub.MemberIdAsync(Installation, "m1");
        Assert.Equal(["MemberRegistered", "MemberUpdated"], await EventTypesAsync(id));
        Assert.Equal("Jansen-Bakker", await Hub.ScalarAsync<string>("SELECT family_name FROM members WHERE id = @id", new { id }));
        Assert.Equal(1, await Hub.ScalarAsync<long>("SELECT COUNT(*) FROM id_map WHERE installation_id = @Installation AND local_id = 'm1'", new { Installation }));
    }

    [Fact]
    public async Task When_another_connection_commits_between_the_pages_Should_decide_the_next_page_again()
    {
        var id = await Hub.AddMemberAsync(Installation, Hub.Member("m2", Library, "20100000000202"));
        CanonicalChange[] first = [Hub.Member("m9", Library, "20100000000909")];
        CanonicalChange[] second = [Hub.Member("m2", Library, "20100000000202", familyName: "Terug")];
        var before = Ingest.DecidedAhead;

        await Ingest.ApplyAsync(Installation, first, "test", null, second, CancellationToken.None);
        await using (var connection = await Hub.Database.OpenAsync())
            await connection.ExecuteAsync("UPDATE members SET erased_at = @now, family_name = NULL, card_number = NULL WHERE id = @id",
                new { now = DateTimeOffset.UtcNow.ToString("O"), id });
        await Ingest.ApplyAsync(Installation, second, "test", null, CancellationToken.None);

        Assert.Equal(before.DecidedAgain + 1, Ingest.DecidedAhead.DecidedAgain);
        Assert.Null(await Hub.ScalarAsync<string?>("SELECT family_name FROM members WHERE id = @id", new { id }));
        Assert.Equal(["MemberRegistered"], await EventTypesAsync(id));
    }

    [Fact]
    public async Task When_the_page_before_fails_Should_decide_the_next_page_on_what_is_stored()
    {
        CanonicalChange[] first = [Hub.Member("m3", Library, "20100000000303")];
        CanonicalChange[] second = [Hub.Member("m3", Library, "20100000000303", familyName: "Jansen-de Wit")];

        await Assert.ThrowsAsync<InvalidOperationException>(() => Ingest.ApplyAsync(Installation, first, "test",
            (_, _, _, _) => throw new InvalidOperationException("The cursor could not be saved."), second, CancellationToken.None));
        await Ingest.ApplyAsync(Installation, second, "test", null, CancellationToken.None);

        // Registered by the second page: the first one's decision (and its canonical id) never counted.
        var id = await Hub.MemberIdAsync(Installation, "m3");
        Assert.Equal(["MemberRegistered"], await EventTypesAsync(id));
        Assert.Equal("Jansen-de Wit", await Hub.ScalarAsync<string>("SELECT family_name FROM members WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task When_another_installation_s_page_is_written_in_between_Should_decide_the_next_page_again()
    {
        CanonicalChange[] first = [Hub.Member("m4", Library, "20100000000404")];
        CanonicalChange[] second = [Hub.Member("m4", Library, "20100000000404", familyName: "Jansen-Smit")];
        var before = Ingest.DecidedAhead;

        await Ingest.ApplyAsync(Installation, first, "test", null, second, CancellationToken.None);
        await Hub.IngestAsync("another-installation", Hub.Member("x1", Library, "20100000000999"));
        await Ingest.ApplyAsync(Installation, second, "test", null, CancellationToken.None);

        Assert.Equal(before.Applied, Ingest.DecidedAhead.Applied);
        var id = await Hub.MemberIdAsync(Installation, "m4");
        Assert.Equal(["MemberRegistered", "MemberUpdated"], await EventTypesAsync(id));
    }

    [Fact]
    public async Task When_rows_the_page_before_kept_were_dropped_to_make_room_Should_decide_the_next_page_again()
    {
        // One row of each kind kept: keeping the first page's three members drops the first of them at once.
        await using var small = await CustomerHub.StartAsync(TestBackend.Sqlite, new Dictionary<string, string?> { ["Ingest:RowCacheSize"] = "1" });
        var ingest = small.Hub.Services.GetRequiredService<CanonicalIngest>();
        CanonicalChange[] first = [small.Member("m5", Library, "20100000000505"), small.Member("m6", Library, "20100000000606"), small.Member("m7", Library, "20100000000707")];
        CanonicalChange[] second = [.. first.Cast<MemberSnapshot>().Select(m => small.Member(m.LocalId, Library, m.CardNumber, familyName: "Jansen-Groen"))];
        var before = ingest.DecidedAhead;

        await ingest.ApplyAsync(Installation, first, "test", null, second, CancellationToken.None);
        await ingest.ApplyAsync(Installation, second, "test", null, CancellationToken.None);

        Assert.Equal(before.DecidedAgain + 1, ingest.DecidedAhead.DecidedAgain);
        Assert.Equal(3, await small.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE family_name = 'Jansen-Groen'"));
        Assert.Equal(3, await small.ScalarAsync<long>("SELECT COUNT(*) FROM event_log WHERE event_type = 'MemberUpdated'"));
    }

    [Fact]
    public async Task When_a_page_records_a_guest_loan_Should_decide_the_next_page_in_its_own_transaction()
    {
        // A loan to the guest account, made at the lending desk with the member's card noted: the page records the member's
        // guest loan. The next page ends it; it must find that guest loan, which the database has only once the page commits.
        var guest = await Hub.AddMemberAsync("home-installation", Hub.Member("h1", "NL-0852010000", "20100000001111"));
        await Hub.IngestAsync(Installation, Hub.Member("ga", Library, "GAST-NL-0851010000-NL-0852010000"), Copy("c1"));
        var started = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        CanonicalChange[] lent = [Loan(version: 1, started, ended: null)];
        CanonicalChange[] returned = [Loan(version: 2, started, ended: started.AddDays(3))];
        var before = Ingest.DecidedAhead;

        await Ingest.ApplyAsync(Installation, lent, "test", null, returned, CancellationToken.None);
        await Ingest.ApplyAsync(Installation, returned, "test", null, CancellationToken.None);

        Assert.Equal(before, Ingest.DecidedAhead); // nothing was decided ahead
        var loan = await Hub.ScalarAsync<string>("SELECT canonical_id FROM id_map WHERE installation_id = @Installation AND entity = 'loan' AND local_id = 'l1'",
            new { Installation });
        Assert.Equal(guest, await Hub.ScalarAsync<string>("SELECT member_id FROM loans WHERE id = @loan", new { loan }));
        Assert.NotNull(await Hub.ScalarAsync<string?>("SELECT ended_at FROM guest_loans WHERE loan_id = @loan", new { loan }));
        Assert.Equal(["LoanStarted", "LoanEnded"], await EventTypesAsync(loan));

        LoanSnapshot Loan(long version, DateTimeOffset start, DateTimeOffset? ended) => new()
        {
            LocalId = "l1", SourceEventId = $"test:l1:{version}", SourceVersion = version, OccurredAt = ended ?? start,
            Isil = Isil.Parse(Library), MemberLocalId = "ga", HoldingLocalId = "c1", StartedAt = start, DueAt = start.AddDays(21), EndedAt = ended,
            GuestCardNumber = "20100000001111",
        };
    }

    private static HoldingSnapshot Copy(string localId) => new()
    {
        LocalId = localId, SourceEventId = $"test:{localId}", SourceVersion = 1, OccurredAt = DateTimeOffset.UtcNow,
        Isil = Isil.Parse(Library), Barcode = "3510000000" + localId, Bibliographic = new BibliographicIds(null, null, null, "T" + localId),
        Title = "Testtitel", MaterialType = MaterialType.Book, Status = HoldingStatus.Available, LendableForIbl = true,
    };

    private async Task<List<string>> EventTypesAsync(string subject)
        => await Hub.QueryAsync<string>("SELECT event_type FROM event_log WHERE subject_id = @subject ORDER BY position", new { subject });
}
