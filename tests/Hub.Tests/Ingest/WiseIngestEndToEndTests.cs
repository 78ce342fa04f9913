using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Ingest;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>From a change in a Wise installation, through its adapter and the bus, to the canonical store and log.</summary>
public abstract class WiseIngestEndToEndTests(TestBackend backend) : IAsyncLifetime
{
    private WiseWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WiseWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private static string Subject(JsonElement e) => e.GetProperty("subjectId").GetString()!;

    private static string SourceEventId(JsonElement e) => e.GetProperty("sourceEventId").GetString()!;

    [Fact]
    public async Task When_the_seed_is_ingested_Should_have_one_member_holding_and_loan_per_simulated_one()
    {
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        var events = await _world.WaitForEventsAsync(
            e => e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted") >= stats.OpenLoans
                 && e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= stats.Items
                 && e.Count(x => x.GetProperty("eventType").GetString() == "MemberRegistered") >= stats.Patrons,
            "the seeded patrons, copies and loans");
        Assert.Equal(stats.Patrons, events.Count(e => e.GetProperty("eventType").GetString() == "MemberRegistered"));
        Assert.Equal(stats.Items, events.Count(e => e.GetProperty("eventType").GetString() == "HoldingAdded"));
        Assert.Equal(stats.OpenLoans, events.Count(e => e.GetProperty("eventType").GetString() == "LoanStarted"));
        var positions = events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
        Assert.All(events, e => Assert.Equal(WiseWorld.Installation, e.GetProperty("sourceSystem").GetString()));
        Assert.All(events, e => Assert.StartsWith("poll-sandbox-wise-", e.GetProperty("correlationId").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_a_patron_is_registered_in_Wise_Should_be_a_member_in_the_log_and_over_the_api()
    {
        var library = _world.Access.Libraries[1];
        var patron = _world.Control.AddPatron(WiseWorld.Installation, library.LibraryId,
            new PatronDraft { GivenName = "Fenna", FamilyName = "van der Berg", CardNumber = "29990000123456", BirthDate = new DateOnly(1987, 5, 12) });

        var events = await _world.WaitForEventsAsync(
            e => e.Any(x => x.GetProperty("eventType").GetString() == "MemberRegistered" && SourceEventId(x).Contains(patron.PatronSystemId, StringComparison.Ordinal)),
            $"MemberRegistered for Wise patron {patron.PatronSystemId}");
        var registered = events.Single(x => x.GetProperty("eventType").GetString() == "MemberRegistered" && SourceEventId(x).Contains(patron.PatronSystemId, StringComparison.Ordinal));
        var payload = registered.GetProperty("payload");
        Assert.Equal(library.Isil, payload.GetProperty("homeIsil").GetString());
        Assert.Equal("1980-1989", payload.GetProperty("profile").GetProperty("birthYearBand").GetString());
        var raw = registered.GetRawText();
        Assert.DoesNotContain("Fenna", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("29990000123456", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("1987-05-12", raw, StringComparison.Ordinal);

        using var admin = _world.Hub.Client();
        var member = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{Subject(registered)}");
        Assert.Equal("Fenna", member.GetProperty("givenName").GetString());
        Assert.Equal("van der Berg", member.GetProperty("familyName").GetString());
        Assert.Equal("29990000123456", member.GetProperty("cardNumber").GetString());
        Assert.Equal(library.Isil, member.GetProperty("homeIsil").GetString());
    }

    [Fact]
    public async Task When_a_copy_is_lent_and_returned_Should_log_LoanStarted_then_LoanEnded_for_the_same_loan()
    {
        var library = _world.Access.Libraries[0];
        var patron = _world.Control.AddPatron(WiseWorld.Installation, library.LibraryId);
        var copy = _world.Control.AddItem(WiseWorld.Installation, library.LibraryId, new ItemDraft { Title = "De avonden", Author = "Reve, Gerard", Isbn = "9789023466123" });
        var loan = _world.Control.CheckOut(WiseWorld.Installation, copy.ItemId, patron.PatronSystemId);

        var started = (await _world.WaitForEventsAsync(
            e => e.Any(x => x.GetProperty("eventType").GetString() == "LoanStarted" && x.GetProperty("payload").GetProperty("title").GetString() == "De avonden"),
            "LoanStarted of 'De avonden'")).Single(x => x.GetProperty("eventType").GetString() == "LoanStarted" && x.GetProperty("payload").GetProperty("title").GetString() == "De avonden");
        var loanId = Subject(started);
        var memberId = started.GetProperty("payload").GetProperty("memberId").GetString();
        var holdingId = started.GetProperty("payload").GetProperty("holdingId").GetString();

        using var admin = _world.Hub.Client();
        var holding = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/holdings/{holdingId}");
        Assert.Equal("9789023466123", holding.GetProperty("isbn").GetString());
        Assert.Equal(copy.Barcode, holding.GetProperty("barcode").GetString());
        var loans = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?memberId={memberId}");
        var current = Assert.Single(loans.EnumerateArray());
        Assert.Equal(loanId, current.GetProperty("id").GetString());
        Assert.False(current.TryGetProperty("endedAt", out _));

        _world.Control.Return(WiseWorld.Installation, copy.ItemId);
        await _world.WaitForEventsAsync(e => e.Any(x => x.GetProperty("eventType").GetString() == "LoanEnded" && Subject(x) == loanId), $"LoanEnded of {loan.LoanId}");
        loans = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?memberId={memberId}");
        Assert.True(Assert.Single(loans.EnumerateArray()).TryGetProperty("endedAt", out _));
    }

    [Fact]
    public async Task When_a_page_is_delivered_twice_Should_change_nothing_the_second_time()
    {
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        var before = await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= stats.Items, "the seed");
        var adapter = await _world.Hub.Services.GetRequiredService<AdapterRegistry>().ForAsync(WiseWorld.Installation, CancellationToken.None);
        var page = await adapter.ReadChangesAsync(null, 200, CancellationToken.None);
        Assert.NotEmpty(page.Changes);
        var state = await SnapshotStateAsync();

        var bus = _world.Hub.Services.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new IngestChangePage(WiseWorld.Installation, page.Changes));
        await bus.InvokeAsync(new IngestChangePage(WiseWorld.Installation, page.Changes));

        var after = await _world.EventsAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(state, await SnapshotStateAsync());
    }

    [Fact]
    public async Task When_the_cursor_is_lost_after_a_crash_Should_read_everything_again_and_log_nothing_twice()
    {
        var stats = _world.Control.Statistics(WiseWorld.Installation);
        var before = await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= stats.Items, "the seed");
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        await using (var connection = await database.OpenAsync())
            await connection.ExecuteAsync("UPDATE ingest_cursors SET cursor = NULL");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var read = await WaitForChangesReadAsync(2 * stats.Items);
        Assert.True(read >= 2 * stats.Items, $"the hub re-read {read} changes");

        var marker = _world.Control.AddItem(WiseWorld.Installation, _world.Access.Libraries[2].LibraryId, new ItemDraft { Title = "Na de herstart" });
        var after = await _world.WaitForEventsAsync(e => e.Any(x => x.GetProperty("eventType").GetString() == "HoldingAdded"
            && x.GetProperty("payload").GetProperty("details").GetProperty("title").GetString() == "Na de herstart"), "the copy added after the crash");
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(after.Count, after.Select(e => (Subject(e), e.GetProperty("eventType").GetString(), SourceEventId(e))).Distinct().Count());
        _ = marker;
    }

    private async Task<long> WaitForChangesReadAsync(long atLeast)
    {
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var connection = await database.OpenAsync();
            var read = await connection.ExecuteScalarAsync<long>("SELECT changes_read FROM ingest_cursors");
            if (read >= atLeast || DateTime.UtcNow > deadline) return read;
            await Task.Delay(200);
        }
    }

    private async Task<string> SnapshotStateAsync()
    {
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        var members = await connection.QueryAsync<string>("SELECT id || ':' || source_version || ':' || content_hash FROM members ORDER BY id");
        var holdings = await connection.QueryAsync<string>("SELECT id || ':' || source_version || ':' || content_hash FROM holdings ORDER BY id");
        var loans = await connection.QueryAsync<string>("SELECT id || ':' || source_version || ':' || content_hash FROM loans ORDER BY id");
        var map = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM id_map");
        return string.Join('\n', members.Concat(holdings).Concat(loans).Append(map.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class WiseIngestEndToEndTests_on_Sqlite() : WiseIngestEndToEndTests(TestBackend.Sqlite);

public sealed class WiseIngestEndToEndTests_on_Postgres() : WiseIngestEndToEndTests(TestBackend.Postgres);
