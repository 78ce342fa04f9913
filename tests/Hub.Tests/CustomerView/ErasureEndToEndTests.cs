using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lsb.Hub.Tests.CustomerView.Support.CustomerWorld;

namespace Lsb.Hub.Tests.CustomerView;

/// <summary>
/// Erasure end to end: a person with memberships in two installations, physical and e-book loans, consent, an
/// e-book loan waiting for them, and a failed message carrying their record; after DELETE no table of the hub's
/// database or of the message store holds their name, card number or birth date.
/// </summary>
public abstract class ErasureEndToEndTests(TestBackend backend) : IAsyncLifetime
{
    private const string Card = "2999007171717";
    private const string GivenName = "Wilhelmina";
    private const string FamilyName = "Oostervaart";
    private const string BirthDate = "1979-03-28";
    private CustomerWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_a_person_is_erased_Should_leave_no_name_card_number_or_birth_date_in_any_store()
    {
        var draft = new PatronDraft { GivenName = GivenName, FamilyName = FamilyName, CardNumber = Card, BirthDate = DateOnly.Parse(BirthDate, System.Globalization.CultureInfo.InvariantCulture), Status = "ACT", Category = "VOLW" };
        var noordPatron = _world.Control.AddPatron(Noord, NoordLibrary, draft);
        var zuidPatron = _world.Control.AddPatron(Zuid, ZuidLibrary, draft);
        var copy = _world.Control.AddItem(Zuid, ZuidLibrary, new ItemDraft { Title = "Het Achterhuis" });
        _world.Control.CheckOut(Zuid, copy.ItemId, zuidPatron.PatronSystemId);
        var noordMember = await _world.MemberOfAsync(Noord, noordPatron.PatronSystemId);
        var zuidMember = await _world.MemberOfAsync(Zuid, zuidPatron.PatronSystemId);
        await _world.PostEbookAsync(
            EbookEvents.Started("kb-era-1", "kb-loan-era-1", NoordIsil, Card, EbookEvents.Tirza, "Tirza", DateTimeOffset.UtcNow.AddDays(-2)),
            // The end of a loan whose start has not arrived: it waits, keyed by a hash of the card.
            EbookEvents.Ended("kb-era-2", "kb-loan-era-2", NoordIsil, Card, EbookEvents.HetDiner, DateTimeOffset.UtcNow.AddDays(-1)));
        using (var admin = _world.Client())
            Assert.True((await admin.PutAsJsonAsync($"/api/v1/customers/{noordMember}/consent", new { integralView = true, keepLoanHistory = true })).IsSuccessStatusCode);
        // An ILS change the hub cannot translate: it fails on its own and is kept as a failed message, with the whole record.
        _world.Control.UpdatePatron(Zuid, zuidPatron.PatronSystemId, new PatronUpdate { Category = "ONBEKEND", City = "Zierikzee" });
        await _world.WaitForDeadLettersAsync(1);
        await _world.WaitForAsync("the physical and e-book loans", "SELECT COUNT(*) FROM loans WHERE member_id IN (@a, @b)",
            new { a = noordMember, b = zuidMember }, n => n >= 2);
        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        var needles = new[] { GivenName, FamilyName, Card, BirthDate };
        Assert.NotEmpty(await StoreSearch.FindAsync(database, needles));

        using var client = _world.Client(CustomerKeys.Noord);
        var response = await client.DeleteAsync($"/api/v1/customers/{noordMember}");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, report.GetProperty("memberships").GetInt32());
        Assert.True(report.GetProperty("loansRemoved").GetInt32() >= 2);
        Assert.Equal(1, report.GetProperty("waitingEventsRemoved").GetInt32());
        Assert.Equal("noorderlicht-desk", report.GetProperty("requestedBy").GetString());
        Assert.True(report.TryGetProperty("completedAt", out _));
        Assert.False(report.GetProperty("alreadyErased").GetBoolean());

        var hits = await StoreSearch.FindAsync(database, needles);
        Assert.True(hits.Count == 0, "Still stored after erasure: " + string.Join("; ", hits));
        Assert.True(await StoreSearch.CountTablesAsync(database) > 15, "the search covered the hub database and the message store");

        using var admin2 = _world.Client();
        var events = await admin2.GetFromJsonAsync<JsonElement>("/api/v1/events?after=0&limit=1000");
        var tombstones = events.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("eventType").GetString() == "MemberRemoved" && e.GetProperty("payload").GetProperty("erased").GetBoolean()).ToList();
        Assert.Equal(new[] { noordMember, zuidMember }.Order(StringComparer.Ordinal),
            tombstones.Select(t => t.GetProperty("subjectId").GetString()!).Order(StringComparer.Ordinal));

        using var zuid = _world.Client(CustomerKeys.Zuid);
        var again = JsonDocument.Parse(await (await zuid.DeleteAsync($"/api/v1/customers/{zuidMember}")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(again.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(report.GetProperty("erasureId").GetString(), again.GetProperty("erasureId").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={NoordIsil}")).StatusCode);
        var audit = await admin2.GetFromJsonAsync<JsonElement>("/api/v1/erasures");
        Assert.Single(audit.EnumerateArray());
        Assert.DoesNotContain(Card, audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_ILS_sends_an_erased_member_again_Should_not_bring_the_person_back()
    {
        var patron = _world.Control.AddPatron(Noord, NoordLibrary,
            new PatronDraft { GivenName = GivenName, FamilyName = FamilyName, CardNumber = Card, BirthDate = new DateOnly(1979, 3, 28), Status = "ACT", Category = "VOLW" });
        var member = await _world.MemberOfAsync(Noord, patron.PatronSystemId);
        using var admin = _world.Client();
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/customers/{member}")).StatusCode);

        _world.Control.UpdatePatron(Noord, patron.PatronSystemId, new PatronUpdate { FamilyName = "Oostervaart-Bakker" });
        var copy = _world.Control.AddItem(Noord, NoordLibrary, new ItemDraft { Title = "Na de erasure" });
        _world.Control.CheckOut(Noord, copy.ItemId, patron.PatronSystemId);
        var marker = _world.Control.AddItem(Noord, NoordLibrary, new ItemDraft { Title = "Marker na de wijziging" });
        await _world.WaitForAsync("the marker copy polled after the patron change and the loan", "SELECT COUNT(*) FROM holdings WHERE title = @t",
            new { t = marker.Title }, n => n == 1);

        var database = _world.Hub.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleAsync("SELECT family_name, card_number, erased_at FROM members WHERE id = @member", new { member });
        Assert.Null((string?)row.family_name);
        Assert.Null((string?)row.card_number);
        Assert.NotNull((string?)row.erased_at);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE member_id = @member", new { member }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM member_persons WHERE member_id = @member", new { member }));
    }
}

public sealed class ErasureEndToEndTests_on_Sqlite() : ErasureEndToEndTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class ErasureEndToEndTests_on_Postgres() : ErasureEndToEndTests(TestBackend.Postgres);
