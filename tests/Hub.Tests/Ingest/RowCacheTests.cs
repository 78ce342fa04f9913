using Dapper;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Tests.Ingest.Support;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// Ingest keeps the rows pages touch between pages (<see cref="RowCache"/>, SQLite only). A kept row must never stand in
/// for what is stored: not after another connection committed, and not after a page that changed it in memory failed.
/// </summary>
public sealed class RowCacheTests : SqliteIngestTest
{
    private const string Installation = "cache-test";

    [Fact]
    public async Task When_a_page_touches_a_member_again_Should_take_it_from_memory()
    {
        await Hub.AddMemberAsync(Installation, Hub.Member("m1", Library, "20100000000011"));
        var kept = Ingest.Kept ?? throw new InvalidOperationException("SQLite ingest keeps rows between pages by default.");
        var found = kept.Members.Hits;

        await Hub.IngestAsync(Installation, Hub.Member("m1", Library, "20100000000011", familyName: "Jansen-de Vries"));

        Assert.Equal(found + 1, kept.Members.Hits);
        Assert.Equal("Jansen-de Vries", await Hub.ScalarAsync<string>("SELECT family_name FROM members WHERE card_number = '20100000000011'"));
    }

    [Fact]
    public async Task When_another_connection_changed_a_kept_member_Should_apply_the_next_page_to_what_is_stored()
    {
        // Erasure (or any writer besides ingest) commits on a connection of its own: the member's id-map entry becomes a
        // tombstone, which the next change must respect although ingest read the member one page before.
        var id = await Hub.AddMemberAsync(Installation, Hub.Member("m2", Library, "20100000000022"));
        await using (var connection = await Hub.Database.OpenAsync())
            await connection.ExecuteAsync("UPDATE members SET erased_at = @now, family_name = NULL, card_number = NULL WHERE id = @id",
                new { now = DateTimeOffset.UtcNow.ToString("O"), id });

        await Hub.IngestAsync(Installation, Hub.Member("m2", Library, "20100000000022", familyName: "Terug"));

        Assert.Null(await Hub.ScalarAsync<string?>("SELECT family_name FROM members WHERE id = @id", new { id }));
        Assert.Equal(0, await Hub.ScalarAsync<long>("SELECT COUNT(*) FROM event_log WHERE subject_id = @id AND event_type = 'MemberUpdated'", new { id }));
    }

    [Fact]
    public async Task When_a_page_that_changed_a_kept_member_in_memory_fails_Should_apply_the_next_page_to_what_is_stored()
    {
        // A removal scrubs the row read for the page in place; the page then fails before its commit.
        var id = await Hub.AddMemberAsync(Installation, Hub.Member("m3", Library, "20100000000033"));
        var gone = new MemberGone
        {
            LocalId = "m3", SourceEventId = "test:m3:gone", SourceVersion = 1_000_000, OccurredAt = DateTimeOffset.UtcNow, HomeIsil = Isil.Parse(Library),
        };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Ingest.ApplyAsync(Installation, [gone], "test",
            (_, _, _, _) => throw new InvalidOperationException("The cursor could not be saved."), CancellationToken.None));
        Assert.Equal("The cursor could not be saved.", failure.Message);

        // The same member, unchanged and newer: nothing happened to it as far as the database knows, so no event.
        await Hub.IngestAsync(Installation, Hub.Member("m3", Library, "20100000000033") with { SourceVersion = 2_000_000 });

        Assert.Equal("20100000000033", await Hub.ScalarAsync<string?>("SELECT card_number FROM members WHERE id = @id", new { id }));
        Assert.Equal(1, await Hub.ScalarAsync<long>("SELECT COUNT(*) FROM event_log WHERE subject_id = @id", new { id }));
    }

    [Fact]
    public void When_a_generation_is_full_Should_keep_what_was_found_again_and_drop_the_oldest()
    {
        var kept = new RowCache(2);
        var set = SetOf("a", "b");
        kept.Remember(set);
        kept.Remember(SetOf("c")); // the generation of a and b is full: it becomes the previous one
        Assert.NotNull(kept.Members.Find(Installation, "a")); // found in the previous generation, and kept in the current one

        kept.Remember(SetOf("d")); // full again (c, a): b's generation is dropped

        Assert.Null(kept.Members.Find(Installation, "b"));
        Assert.Equal("member-a", kept.Members.Find(Installation, "a")?.CanonicalId);
        Assert.Equal("member-d", kept.Members.Find(Installation, "d")?.CanonicalId);
        Assert.Null(kept.Members.Find("another-installation", "d"));
    }

    [Fact]
    public void When_the_data_version_changes_Should_drop_everything()
    {
        var kept = new RowCache(10);
        Assert.False(kept.Validate(7));
        kept.Remember(SetOf("a"));
        Assert.True(kept.Validate(7));
        Assert.NotNull(kept.Members.Find(Installation, "a"));

        Assert.False(kept.Validate(8));

        Assert.Null(kept.Members.Find(Installation, "a"));
    }

    // A committed working set of members with the given local ids (canonical id "member-{local id}").
    private static WorkingSet SetOf(params string[] localIds)
    {
        var set = WorkingSet.Empty(Installation);
        foreach (var localId in localIds)
            set.Members[localId] = new Tracked<MemberRow> { CanonicalId = "member-" + localId, Mapped = true, Row = new MemberRow { Id = "member-" + localId } };
        return set;
    }
}
