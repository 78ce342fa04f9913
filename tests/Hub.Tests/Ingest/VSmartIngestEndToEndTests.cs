using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Ingest;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>From a change in a V-smart installation (OAI-PMH record, borrower or loan feed), through its adapter and the
/// bus, to the canonical store and log.</summary>
public abstract class VSmartIngestEndToEndTests(TestBackend backend) : IAsyncLifetime
{
    private VSmartWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await VSmartWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private static string Type(JsonElement e) => e.GetProperty("eventType").GetString()!;

    private static string Subject(JsonElement e) => e.GetProperty("subjectId").GetString()!;

    private static string SourceEventId(JsonElement e) => e.GetProperty("sourceEventId").GetString()!;

    private static bool Is(JsonElement e, string type, string sourceEventPart)
        => Type(e) == type && SourceEventId(e).Contains(sourceEventPart, StringComparison.Ordinal);

    private Task<List<JsonElement>> SeedAsync()
    {
        var stats = _world.Control.Statistics(VSmartWorld.Installation);
        return _world.WaitForEventsAsync(
            e => e.Count(x => Type(x) == "LoanStarted") >= stats.OpenLoans && e.Count(x => Type(x) == "HoldingAdded") >= stats.Copies
                 && e.Count(x => Type(x) == "MemberRegistered") >= stats.Borrowers,
            "the seeded borrowers, copies and loans");
    }

    [Fact]
    public async Task When_the_seed_is_harvested_Should_have_one_member_holding_and_open_loan_per_simulated_one()
    {
        var stats = _world.Control.Statistics(VSmartWorld.Installation);
        var events = await SeedAsync();
        Assert.Equal(stats.Borrowers, events.Count(e => Type(e) == "MemberRegistered"));
        Assert.Equal(stats.Copies, events.Count(e => Type(e) == "HoldingAdded"));
        Assert.Equal(stats.OpenLoans, events.Count(e => Type(e) == "LoanStarted"));
        var copies = _world.Control.CollectionCopies(VSmartWorld.Installation).Select(c => c.ItemId).Order(StringComparer.Ordinal);
        var added = events.Where(e => Type(e) == "HoldingAdded").Select(e => SourceEventId(e).Split(':')[2]).Order(StringComparer.Ordinal);
        Assert.Equal(copies, added);
        var positions = events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, positions.Count).Select(i => (long)i), positions);
        Assert.All(events, e => Assert.Equal(VSmartWorld.Installation, e.GetProperty("sourceSystem").GetString()));
    }

    [Fact]
    public async Task When_a_borrower_is_registered_in_VSmart_Should_be_a_member_in_the_log_and_over_the_api_without_personal_data_in_the_event()
    {
        var seeded = (await SeedAsync()).Count(e => Type(e) == "MemberRegistered");
        var library = _world.Access.Libraries[1];
        var borrower = _world.Control.AddBorrower(VSmartWorld.Installation, library.LibraryId,
            new BorrowerDraft { GivenName = "Sanne", FamilyName = "Wijnands", NamePrefix = "van", CardNumber = "21990000654321", BirthDate = new DateOnly(1994, 2, 3), BranchCode = library.Branches[0].BranchCode });
        var events = await _world.WaitForEventsAsync(e => e.Count(x => Type(x) == "MemberRegistered") > seeded, $"MemberRegistered of borrower {borrower.BorrowerId}");
        var registered = Assert.Single(events.Where(x => Type(x) == "MemberRegistered").Skip(seeded));
        Assert.Equal(library.Isil, registered.GetProperty("payload").GetProperty("homeIsil").GetString());
        var raw = registered.GetRawText();
        Assert.DoesNotContain("Wijnands", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("21990000654321", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("1994-02-03", raw, StringComparison.Ordinal);
        using var admin = _world.Hub.Client();
        var member = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{Subject(registered)}");
        Assert.Equal(("Sanne", "van Wijnands", "21990000654321", library.Isil),
            (member.GetProperty("givenName").GetString(), member.GetProperty("familyName").GetString(), member.GetProperty("cardNumber").GetString(), member.GetProperty("homeIsil").GetString()));
    }

    [Fact]
    public async Task When_a_copy_is_catalogued_lent_and_returned_Should_log_HoldingAdded_LoanStarted_and_LoanEnded_and_show_them_over_the_api()
    {
        await SeedAsync();
        var library = _world.Access.Libraries[0];
        var borrower = _world.Control.AddBorrower(VSmartWorld.Installation, library.LibraryId, new BorrowerDraft { Status = "OK" });
        var copy = _world.Control.AddCopy(VSmartWorld.Installation, library.LibraryId, new CopyDraft { Title = "De avonden", Author = "Gerard Reve", Isbn = "9789023466123", Policy = "IBL" });
        var added = (await _world.WaitForEventsAsync(e => e.Any(x => Is(x, "HoldingAdded", $":holding:{copy.ItemId}:")), $"HoldingAdded of copy {copy.ItemId}"))
            .Single(x => Is(x, "HoldingAdded", $":holding:{copy.ItemId}:"));
        using var admin = _world.Hub.Client();
        var holding = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/holdings/{Subject(added)}");
        Assert.Equal(("9789023466123", copy.Barcode, "De avonden", "Reve, Gerard", true),
            (holding.GetProperty("isbn").GetString(), holding.GetProperty("barcode").GetString(), holding.GetProperty("title").GetString(),
             holding.GetProperty("author").GetString(), holding.GetProperty("lendableForIbl").GetBoolean()));

        var loan = _world.Control.CheckOut(VSmartWorld.Installation, copy.ItemId, borrower.BorrowerId);
        var started = (await _world.WaitForEventsAsync(e => e.Any(x => Is(x, "LoanStarted", "loan:") && x.GetProperty("payload").GetProperty("holdingId").GetString() == Subject(added)),
            "LoanStarted of the copy")).Single(x => Type(x) == "LoanStarted" && x.GetProperty("payload").GetProperty("holdingId").GetString() == Subject(added));
        await _world.WaitForEventsAsync(e => e.Any(x => Type(x) == "HoldingChanged" && Subject(x) == Subject(added)), "HoldingChanged to on loan");
        Assert.Equal("OnLoan", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/holdings/{Subject(added)}")).GetProperty("status").GetString());

        _world.Control.Return(VSmartWorld.Installation, copy.ItemId);
        await _world.WaitForEventsAsync(e => e.Any(x => Type(x) == "LoanEnded" && Subject(x) == Subject(started)), $"LoanEnded of loan {loan.LoanId}");
        var loans = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/loans?memberId={started.GetProperty("payload").GetProperty("memberId").GetString()}");
        Assert.True(Assert.Single(loans.EnumerateArray()).TryGetProperty("endedAt", out _));
    }

    [Fact]
    public async Task When_a_copy_is_withdrawn_Should_log_HoldingWithdrawn_once()
    {
        await SeedAsync();
        var copy = _world.Control.CollectionCopies(VSmartWorld.Installation).First(c => c.Status == "AV");
        _world.Control.WithdrawCopy(VSmartWorld.Installation, copy.ItemId);
        var events = await _world.WaitForEventsAsync(e => e.Any(x => Is(x, "HoldingWithdrawn", $":holding:{copy.ItemId}:")), $"HoldingWithdrawn of copy {copy.ItemId}");
        _world.Control.AddCopy(VSmartWorld.Installation, copy.LibraryId, new CopyDraft { TitleNumber = copy.TitleNumber });
        events = await _world.WaitForEventsAsync(e => e.Count(x => Type(x) == "HoldingAdded") > events.Count(x => Type(x) == "HoldingAdded"), "the new copy of the same title");
        Assert.Single(events, x => Is(x, "HoldingWithdrawn", $":holding:{copy.ItemId}:"));
    }

    [Fact]
    public async Task When_a_page_is_delivered_twice_Should_change_nothing_the_second_time()
    {
        var before = await SeedAsync();
        var adapter = await _world.Hub.Services.GetRequiredService<AdapterRegistry>().ForAsync(VSmartWorld.Installation, CancellationToken.None);
        var page = await adapter.ReadChangesAsync(null, 200, CancellationToken.None);
        Assert.NotEmpty(page.Changes);
        var state = await SnapshotStateAsync();
        var bus = _world.Hub.Services.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new IngestChangePage(VSmartWorld.Installation, page.Changes));
        await bus.InvokeAsync(new IngestChangePage(VSmartWorld.Installation, page.Changes));
        Assert.Equal(before.Count, (await _world.EventsAsync()).Count);
        Assert.Equal(state, await SnapshotStateAsync());
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

public sealed class VSmartIngestEndToEndTests_on_Sqlite() : VSmartIngestEndToEndTests(TestBackend.Sqlite);

public sealed class VSmartIngestEndToEndTests_on_Postgres() : VSmartIngestEndToEndTests(TestBackend.Postgres);
