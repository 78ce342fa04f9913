using Lsb.Hub.Tests.Ibl;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>
/// Interlibrary loan in the DWH feed. A request through its whole life (Wise borrower, V-smart lender) and a cancelled one
/// reach the feed as IblRequest* events that match their schemas in docs/events/; the request is pseudonymised (the IBL
/// API shows a request's canonical id together with the member's canonical id, so a clear request id would undo the
/// member's pseudonym) and the member carries the same pseudonym as in the member and loan events; and no direct
/// identifier of a member leaves — also not when the borrowing library's staff write who the member is into the
/// free-text reason of a cancellation.
/// </summary>
public abstract class DwhIblFeedTests(TestBackend backend) : IAsyncLifetime
{
    private const string Borrower = "NL-0851010000"; // Wise
    private const string Lender = "NL-0852010000"; // V-smart
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await IblWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_requests_are_supplied_and_cancelled_Should_feed_schema_valid_pseudonymised_ibl_events_without_identifiers()
    {
        var completed = (await IblJourney.RunAsync(_world, Borrower, Lender)).GetProperty("id").GetString()!;

        var isbn = IblScenario.NewIsbn();
        await _world.AddCopyAsync(Lender, isbn);
        var (member, card) = await _world.AddMemberAsync(Borrower);
        var cancelled = await _world.PlaceAsync(Borrower, member, isbn);
        await _world.WaitForStateAsync(cancelled, "SentToSupplier");
        var reason = $"Noor Vermeulen (pas {card}, noor.vermeulen@voorbeeld.nl, 3512 JE Utrecht) heeft het boek al gekocht";
        await _world.ActAsync(cancelled, IblWorld.LibraryKey(Borrower), new { action = "Cancel", reason });
        await _world.WaitForStateAsync(cancelled, "Cancelled");
        // The reason is in the log as the hub recorded it: the DWH form must leave it behind.
        await _world.WaitForAsync<string>("the cancellation's reason in the log",
            "SELECT event_id FROM event_log WHERE subject_id = @cancelled AND event_type = 'IblRequestEnded' AND payload LIKE @card",
            new { cancelled, card = $"%{card}%" });

        using var dwh = _world.Client(HubHost.DwhKey);
        var feed = await EventPages.ReadAllAsync(dwh, "/api/v1/dwh/events");
        var people = _world.Wise.Control.PersonalData(IblWorld.WiseInstallation);
        Assert.Contains(people, p => p.CardNumber == card);
        var hits = DirectIdentifiers.Find(feed, people);
        Assert.True(hits.Count == 0, "Direct identifiers in the feed:\n" + string.Join('\n', hits.Take(50)));

        var memberPseudonym = DirectIdentifiers.Pseudonym("member", member);
        Assert.Contains(feed, e => e.GetProperty("eventType").GetString() == "MemberRegistered" && e.GetProperty("subject").GetString() == memberPseudonym);
        foreach (var (id, outcome) in new[] { (completed, "LoanCompleted"), (cancelled, "Cancelled") })
        {
            var pseudonym = DirectIdentifiers.Pseudonym("ibl-request", id);
            var events = feed.Where(e => e.GetProperty("subject").GetString() == pseudonym).ToList();
            Assert.All(events, e => Assert.Equal(pseudonym, e.GetProperty("data").GetProperty("requestId").GetString()));
            var placed = Assert.Single(events, e => e.GetProperty("eventType").GetString() == "IblRequestPlaced");
            Assert.StartsWith("mp-", placed.GetProperty("data").GetProperty("memberId").GetString(), StringComparison.Ordinal);
            var ended = Assert.Single(events, e => e.GetProperty("eventType").GetString() == "IblRequestEnded");
            Assert.Equal(outcome, ended.GetProperty("data").GetProperty("outcome").GetString());
            Assert.True(events.Count(e => e.GetProperty("eventType").GetString() == "IblRequestStateChanged") >= 4, $"{id}: {events.Count} events");
        }
        var cancelledPlaced = feed.Single(e => e.GetProperty("eventType").GetString() == "IblRequestPlaced"
            && e.GetProperty("subject").GetString() == DirectIdentifiers.Pseudonym("ibl-request", cancelled));
        Assert.Equal(memberPseudonym, cancelledPlaced.GetProperty("data").GetProperty("memberId").GetString());

        var text = string.Join('\n', feed.Select(e => e.GetRawText()));
        foreach (var canonical in new[] { "ibl-", "mbr-", "lon-" })
            Assert.DoesNotContain(canonical, text, StringComparison.Ordinal);
        Assert.DoesNotContain("gekocht", text, StringComparison.Ordinal);

        // Every event, IBL ones included, matches its documented schema.
        var types = new DwhSchemas().AssertAllMatch(feed);
        foreach (var expected in new[] { "IblRequestPlaced", "IblRequestStateChanged", "IblRequestEnded", "MemberRegistered", "LoanStarted", "LoanEnded" })
            Assert.Contains(expected, types);
    }
}

public sealed class DwhIblFeedTests_on_Sqlite() : DwhIblFeedTests(TestBackend.Sqlite);

public sealed class DwhIblFeedTests_on_Postgres() : DwhIblFeedTests(TestBackend.Postgres);
