using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>The pseudonymised DWH feed: pull with a stable cursor, folder push, CSV export, no direct identifiers, erasure tombstones.</summary>
public abstract class DwhFeedTests(TestBackend backend) : IAsyncLifetime
{
    private readonly string _pushFolder = Path.Combine(Path.GetTempPath(), "lsb-dwh-tests", Guid.NewGuid().ToString("N"));
    private WiseWorld _world = null!;
    private readonly List<PatronDraft> _people =
    [
        new() { GivenName = "Maartje", FamilyName = "Oosterhuis-Zwanenburg", CardNumber = "29990000777001", BirthDate = new DateOnly(1961, 3, 4) },
        new() { GivenName = "Ruud", FamilyName = "Brinkerhoff", CardNumber = "29990000777002", BirthDate = new DateOnly(2009, 11, 23) },
    ];

    // Where the two people live: the hub receives their addresses, and no DWH event may carry them.
    private readonly List<PatronUpdate> _addresses =
    [
        new() { Street = "Zwanenburgwal", HouseNumber = "17", Postcode = "8011 KX", City = "Hasselterbroek", Email = "maartje.oosterhuis@voorbeeld.nl" },
        new() { Street = "Brinkerhoffsteeg", HouseNumber = "3", Postcode = "7411 PW", City = "Deventerveen", Email = "ruud.brinkerhoff@voorbeeld.nl" },
    ];

    private readonly List<string> _patronIds = [];

    public async ValueTask InitializeAsync()
    {
        _world = await WiseWorld.StartAsync(backend, new Dictionary<string, string?>
        {
            ["Dwh:PushFolder"] = _pushFolder,
            ["Dwh:PushBatchSize"] = "40",
            ["Dwh:RotateAfterEvents"] = "100",
        });
        var library = _world.Access.Libraries[0].LibraryId;
        for (var i = 0; i < _people.Count; i++)
        {
            var patron = _world.Control.AddPatron(WiseWorld.Installation, library, _people[i]);
            _world.Control.UpdatePatron(WiseWorld.Installation, patron.PatronSystemId, _addresses[i]);
            _patronIds.Add(patron.PatronSystemId);
            var copy = _world.Control.AddItem(WiseWorld.Installation, library);
            _world.Control.CheckOut(WiseWorld.Installation, copy.ItemId, patron.PatronSystemId);
        }
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted") >= stats.OpenLoans
            && e.Count(x => x.GetProperty("eventType").GetString() == "MemberRegistered") >= stats.Patrons, "the seed and the two people");
    }

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
        if (Directory.Exists(_pushFolder)) Directory.Delete(_pushFolder, recursive: true);
    }

    private async Task<List<JsonElement>> ReadFeedAsync(HttpClient client, long after, int limit, int? maxPages = null)
    {
        var all = new List<JsonElement>();
        for (var page = 0; maxPages is null || page < maxPages; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dwh/events?after={after}&limit={limit}");
            var events = body.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0) break;
            all.AddRange(events);
            after = body.GetProperty("next").GetInt64();
        }
        return all;
    }

    [Fact]
    public async Task When_a_consumer_reads_from_zero_stops_and_resumes_Should_end_with_exactly_the_log()
    {
        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var log = await _world.EventsAsync();
        var first = await ReadFeedAsync(dwh, 0, 25, maxPages: 3);
        Assert.Equal(75, first.Count);
        var rest = await ReadFeedAsync(dwh, first[^1].GetProperty("position").GetInt64(), 50);
        var positions = first.Concat(rest).Select(e => e.GetProperty("position").GetInt64()).ToList();
        var logPositions = log.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(logPositions, positions.Take(logPositions.Count));
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
    }

    [Fact]
    public async Task When_the_feed_is_read_Should_hold_no_direct_identifier_and_only_pseudonymous_person_ids()
    {
        // The people's addresses reached the hub: had the feed carried them, they would be there to find.
        foreach (var (card, address) in _people.Select(p => p.CardNumber!).Zip(_addresses))
            await WaitForMemberAsync("SELECT id FROM members WHERE card_number = @card AND street = @street AND postcode = @postcode AND city = @city AND email = @email",
                new { card, street = address.Street, postcode = address.Postcode, city = address.City, email = address.Email });
        var people = _world.Control.PersonalData(WiseWorld.Installation);
        Assert.Equal(_world.Control.Statistics(WiseWorld.Installation).Patrons, people.Count);
        Assert.Contains(people, p => p.Phone is not null);
        var pseudonyms = await MemberPseudonymsAsync(people);
        Assert.Equal(people.Count, pseudonyms.Count);

        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var feed = await ReadFeedAsync(dwh, 0, 1000);
        var hits = DirectIdentifiers.Find(feed, people, pseudonyms);
        Assert.True(hits.Count == 0, "Direct identifiers in the pulled feed:\n" + string.Join('\n', hits.Take(50)));
        // The search does look at the events about these people: every member's pseudonym is the subject of its registration.
        var registered = feed.Where(e => e.GetProperty("eventType").GetString() == "MemberRegistered").Select(e => e.GetProperty("subject").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(pseudonyms.Values.ToHashSet(), registered);

        var text = string.Join('\n', feed.Select(e => e.GetRawText()));
        Assert.DoesNotContain("mbr-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lon-", text, StringComparison.Ordinal);
        foreach (var person in _people)
            Assert.DoesNotContain(person.FamilyName!, text, StringComparison.OrdinalIgnoreCase);
        var log = await _world.EventsAsync("MemberRegistered");
        var canonical = log.Select(e => e.GetProperty("subjectId").GetString()).ToHashSet();
        var members = feed.Where(e => e.GetProperty("eventType").GetString() == "MemberRegistered").ToList();
        Assert.Equal(log.Count, members.Count);
        Assert.All(members, e =>
        {
            Assert.StartsWith("mp-", e.GetProperty("subject").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(e.GetProperty("subject").GetString(), canonical);
        });
        var started = feed.First(e => e.GetProperty("eventType").GetString() == "LoanStarted");
        Assert.StartsWith("mp-", started.GetProperty("data").GetProperty("memberId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("lp-", started.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("hld-", started.GetProperty("data").GetProperty("holdingId").GetString(), StringComparison.Ordinal);

        // The same events pushed to the NDJSON folder.
        var pushed = await ReadPushedAsync(feed.Count);
        Assert.True(pushed.Count >= feed.Count, $"the push folder holds {pushed.Count} of the feed's {feed.Count} events");
        var pushedHits = DirectIdentifiers.Find(pushed, people, pseudonyms);
        Assert.True(pushedHits.Count == 0, "Direct identifiers in the pushed files:\n" + string.Join('\n', pushedHits.Take(50)));
    }

    [Fact]
    public async Task When_a_member_is_erased_Should_deliver_a_tombstone_that_carries_only_the_members_pseudonym()
    {
        var member = await WaitForMemberAsync("SELECT canonical_id FROM id_map WHERE installation_id = @installation AND entity = 'member' AND local_id = @local",
            new { installation = WiseWorld.Installation, local = _patronIds[0] });
        var pseudonym = DirectIdentifiers.Pseudonym("member", member);
        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var before = await ReadFeedAsync(dwh, 0, 1000);
        Assert.Contains(before, e => e.GetProperty("eventType").GetString() == "MemberRegistered" && e.GetProperty("subject").GetString() == pseudonym);

        using var admin = _world.Hub.Client();
        var response = await admin.DeleteAsync($"/api/v1/customers/{member}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var position = report.GetProperty("tombstonePosition").GetInt64();

        var after = await ReadFeedAsync(dwh, before[^1].GetProperty("position").GetInt64(), 1000);
        var tombstone = Assert.Single(after, e => e.GetProperty("eventType").GetString() == "MemberRemoved"
            && e.GetProperty("data").TryGetProperty("erased", out var erased) && erased.GetBoolean());
        Assert.Equal(position, tombstone.GetProperty("position").GetInt64());
        Assert.Equal(pseudonym, tombstone.GetProperty("subject").GetString());
        var data = tombstone.GetProperty("data");
        Assert.Equal(["erased", "homeIsil", "memberId"], data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(data.GetProperty("erased").GetBoolean());
        Assert.Equal(pseudonym, data.GetProperty("memberId").GetString());
        var text = tombstone.GetRawText();
        foreach (var needle in new[] { member, _people[0].CardNumber!, _people[0].GivenName!, _people[0].FamilyName!, _addresses[0].Postcode!, _addresses[0].Email! })
            Assert.DoesNotContain(needle, text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(new DwhSchemas().Problem(tombstone));
    }

    [Fact]
    public async Task When_events_are_pushed_to_a_folder_Should_write_every_event_once_in_rotated_files()
    {
        var head = (await _world.EventsAsync()).Count;
        List<long> positions = [.. (await ReadPushedAsync(head)).Select(e => e.GetProperty("position").GetInt64()).Order()];
        Assert.Equal(Enumerable.Range(1, head).Select(i => (long)i), positions.Take(head));
        Assert.Equal(positions.Count, positions.Distinct().Count());
        var finished = Directory.EnumerateFiles(_pushFolder, "events-*.ndjson").ToList();
        Assert.True(finished.Count >= head / 100, $"expected rotated files, found {finished.Count}");
        Assert.All(finished, f => Assert.Matches(@"events-\d{12}-\d{12}\.ndjson$", f));
    }

    [Fact]
    public async Task When_a_date_range_is_exported_Should_stream_every_event_of_the_range_as_csv()
    {
        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var head = (await _world.EventsAsync()).Count;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await dwh.GetAsync($"/api/v1/dwh/export.csv?from={today}&to={today}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("position,eventId,eventType", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length - 1 >= head, $"{lines.Length - 1} rows for {head} events");
        Assert.Equal(HttpStatusCode.BadRequest, (await dwh.GetAsync($"/api/v1/dwh/export.csv?from={today}&to=2001-01-01")).StatusCode);
    }

    [Fact]
    public async Task When_a_key_without_the_dwh_scope_reads_the_feed_Should_be_forbidden()
    {
        using var poi = _world.Hub.Client(HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await poi.GetAsync("/api/v1/dwh/events")).StatusCode);
    }

    private async Task<string> WaitForMemberAsync(string sql, object parameters)
    {
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var connection = await database.OpenAsync())
            {
                if (await connection.ExecuteScalarAsync<string?>(sql, parameters) is { } id) return id;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for a member: {sql}");
            await Task.Delay(200);
        }
    }

    /// <summary>The DWH pseudonym of every Wise patron the hub holds as a member, by patron id.</summary>
    private async Task<Dictionary<string, string>> MemberPseudonymsAsync(IEnumerable<PatronPersonalData> people)
    {
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        var ids = (await connection.QueryAsync<(string Local, string Canonical)>(
            "SELECT local_id, canonical_id FROM id_map WHERE installation_id = @installation AND entity = 'member'", new { installation = WiseWorld.Installation }))
            .ToDictionary(r => r.Local, r => r.Canonical, StringComparer.Ordinal);
        return people.Where(p => ids.ContainsKey(p.PatronSystemId))
            .ToDictionary(p => p.PatronSystemId, p => DirectIdentifiers.Pseudonym("member", ids[p.PatronSystemId]), StringComparer.Ordinal);
    }

    /// <summary>The events in the push folder once it holds at least <paramref name="count"/> of them, or after a minute
    /// those it holds.</summary>
    private async Task<List<JsonElement>> ReadPushedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var events = Directory.EnumerateFiles(_pushFolder, "*.ndjson*").Order(StringComparer.Ordinal)
                .SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
            if (events.Count >= count || DateTime.UtcNow > deadline) return events;
            await Task.Delay(200);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var complete = text.LastIndexOf('\n');
        return complete < 0 ? "" : text[..(complete + 1)];
    }
}

public sealed class DwhFeedTests_on_Sqlite() : DwhFeedTests(TestBackend.Sqlite);

public sealed class DwhFeedTests_on_Postgres() : DwhFeedTests(TestBackend.Postgres);
