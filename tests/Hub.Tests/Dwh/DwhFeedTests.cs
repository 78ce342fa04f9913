using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>The pseudonymised DWH feed: pull with a stable cursor, folder push, CSV export, and no direct identifiers.</summary>
public abstract class DwhFeedTests(TestBackend backend) : IAsyncLifetime
{
    private readonly string _pushFolder = Path.Combine(Path.GetTempPath(), "lsb-dwh-tests", Guid.NewGuid().ToString("N"));
    private WiseWorld _world = null!;
    private readonly List<PatronDraft> _people =
    [
        new() { GivenName = "Maartje", FamilyName = "Oosterhuis-Zwanenburg", CardNumber = "29990000777001", BirthDate = new DateOnly(1961, 3, 4) },
        new() { GivenName = "Ruud", FamilyName = "Brinkerhoff", CardNumber = "29990000777002", BirthDate = new DateOnly(2009, 11, 23) },
    ];

    public async ValueTask InitializeAsync()
    {
        _world = await WiseWorld.StartAsync(backend, new Dictionary<string, string?>
        {
            ["Dwh:PushFolder"] = _pushFolder,
            ["Dwh:PushBatchSize"] = "40",
            ["Dwh:RotateAfterEvents"] = "100",
        });
        var library = _world.Access.Libraries[0].LibraryId;
        foreach (var person in _people)
        {
            var patron = _world.Control.AddPatron(WiseWorld.Installation, library, person);
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
        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var feed = await ReadFeedAsync(dwh, 0, 1000);
        var text = string.Join('\n', feed.Select(e => e.GetRawText()));
        foreach (var person in _people)
        {
            Assert.DoesNotContain(person.GivenName!, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.FamilyName!, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.CardNumber!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("mbr-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lon-", text, StringComparison.Ordinal);
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
    }

    [Fact]
    public async Task When_events_are_pushed_to_a_folder_Should_write_every_event_once_in_rotated_files()
    {
        var head = (await _world.EventsAsync()).Count;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<long> positions = [];
        while (DateTime.UtcNow < deadline)
        {
            positions = [.. Directory.EnumerateFiles(_pushFolder, "*.ndjson*").Order(StringComparer.Ordinal)
                .SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("position").GetInt64())
                .Order()];
            if (positions.Count >= head) break;
            await Task.Delay(200);
        }
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
