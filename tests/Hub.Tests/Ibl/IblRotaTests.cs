using System.Net;
using System.Text.Json;
using Lsb.Hub.Ibl;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>The rota moves on when a lender says no or stays silent; timers run on a fake IBL clock.</summary>
public abstract class IblRotaTests(TestBackend backend) : IAsyncLifetime
{
    private const string Borrower = "NL-0851010000"; // Wise
    private const string SameInstallationLender = "NL-0851020000"; // Wise
    private const string OtherInstallationLender = "NL-0853010000"; // Brocade
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await IblWorld.StartAsync(backend, fakeClock: true);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private async Task<(string Id, string FirstBarcode, string SecondBarcode)> PlaceWithTwoLendersAsync()
    {
        var isbn = IblScenario.NewIsbn();
        var first = await _world.AddCopyAsync(SameInstallationLender, isbn);
        var second = await _world.AddCopyAsync(OtherInstallationLender, isbn);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        var id = await _world.PlaceAsync(Borrower, member, isbn);
        var sent = await _world.WaitForStateAsync(id, "SentToSupplier");
        var rota = sent.GetProperty("rota").EnumerateArray().Select(e => e.GetProperty("agency").GetString()![..9]).ToList();
        Assert.Equal([SameInstallationLender[..9], OtherInstallationLender[..9]], rota);
        return (id, first, second);
    }

    private static string Lender(JsonElement view) => view.GetProperty("lender").GetProperty("agency").GetString()!;

    [Fact]
    public async Task When_a_member_gives_the_ISBN_10_of_a_title_its_lender_catalogued_as_ISBN_13_Should_send_the_request_to_that_lender()
    {
        var (isbn10, isbn13) = IblScenario.NewIsbnPair();
        var barcode = await _world.AddCopyAsync(OtherInstallationLender, isbn13);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        var id = await _world.PlaceAsync(Borrower, member, isbn10);

        var sent = await _world.WaitForStateAsync(id, "SentToSupplier");
        Assert.StartsWith(OtherInstallationLender[..9], Lender(sent), StringComparison.Ordinal);
        Assert.Equal(isbn10, sent.GetProperty("bibliographic").GetProperty("isbn").GetString());
        Assert.Contains(_world.Brocade.Control.Holds(), h => h.Barcode == barcode && !h.Cancelled);
    }

    [Fact]
    public async Task When_a_lender_says_unfilled_Should_ask_the_next_lender_and_cancel_the_first_hold()
    {
        var (id, firstBarcode, _) = await PlaceWithTwoLendersAsync();
        var first = Lender(await _world.GetAsync(id));

        var answered = await _world.ActAsync(id, IblWorld.LibraryKey(SameInstallationLender), new { action = "Unfilled", reason = "Exemplaar beschadigd" });
        // The answer takes effect at once: the request is no longer with the first lender (it may already have gone on
        // to the next one by the time the answer is read back).
        Assert.False(answered.GetProperty("state").GetString() == "SentToSupplier" && Lender(answered) == first,
            $"Still sent to the first lender {first} after its Unfilled answer.");

        var second = await _world.WaitForStateAsync(id, "SentToSupplier", v => Lender(v).StartsWith(OtherInstallationLender[..9], StringComparison.Ordinal));
        var entry = second.GetProperty("rota")[0];
        Assert.Equal("Unfilled", entry.GetProperty("status").GetString());
        Assert.Equal("Exemplaar beschadigd", entry.GetProperty("reason").GetString());
        Assert.Contains("Unfilled", IblScenario.States(second));
        await _world.WaitForStepAsync(id, "SentToSupplier", "CancelLenderHold", "Done");
        var firstLibrary = _world.Libraries[SameInstallationLender];
        var itemId = _world.Wise.Control.Holds(firstLibrary.Installation).Where(h => h.LibraryId == firstLibrary.LibraryId).ToList();
        Assert.DoesNotContain(itemId, h => h.Status == "OPEN" && h.ExternalReference is not null && h.ExternalReference.StartsWith(id, StringComparison.Ordinal));
        Assert.NotEqual(first, Lender(second));
    }

    [Fact]
    public async Task When_a_lender_does_not_answer_Should_remind_it_then_move_to_the_next_lender_and_end_the_rota_when_none_answers()
    {
        var timers = _world.Services.GetRequiredService<IOptions<IblOptions>>().Value.Timers;
        var (id, _, _) = await PlaceWithTwoLendersAsync();

        _world.Clock!.Advance(timers.LenderReminderAfter + TimeSpan.FromMinutes(1));
        var reminded = await _world.WaitForStateAsync(id, "SentToSupplier", v => v.GetProperty("rota")[0].TryGetProperty("remindedAt", out _));
        Assert.StartsWith(SameInstallationLender[..9], Lender(reminded), StringComparison.Ordinal);
        Assert.Contains(reminded.GetProperty("history").EnumerateArray(), h => h.GetProperty("what").GetString()!.StartsWith("reminder", StringComparison.Ordinal)
            && h.GetProperty("actor").GetString() == "timer");

        _world.Clock.Advance(timers.LenderAnswerTimeout);
        var moved = await _world.WaitForStateAsync(id, "SentToSupplier", v => Lender(v).StartsWith(OtherInstallationLender[..9], StringComparison.Ordinal));
        Assert.Equal("NoAnswer", moved.GetProperty("rota")[0].GetProperty("status").GetString());

        _world.Clock.Advance(timers.LenderAnswerTimeout + TimeSpan.FromMinutes(1));
        var ended = await _world.WaitForStateAsync(id, "EndOfRota");
        Assert.Equal(["NoAnswer", "NoAnswer"], ended.GetProperty("rota").EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.Contains("did not answer", ended.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await _world.WaitForAsync<string>("IblRequestEnded in the log", "SELECT event_id FROM event_log WHERE subject_id = @id AND event_type = 'IblRequestEnded'", new { id });
    }

    [Fact]
    public async Task When_the_due_date_passes_Should_mark_the_loan_overdue_and_a_renewal_asks_the_lender_for_more_time()
    {
        var isbn = IblScenario.NewIsbn();
        await _world.AddCopyAsync(SameInstallationLender, isbn);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        var id = await _world.PlaceAsync(Borrower, member, isbn);
        await _world.WaitForStateAsync(id, "SentToSupplier");
        await _world.ActAsync(id, IblWorld.LibraryKey(SameInstallationLender), new { action = "Shipped" });
        var loaned = await _world.WaitForStepAsync(id, "Loaned", "LenderCheckOut", "Done");
        var due = loaned.GetProperty("dueAt").GetDateTimeOffset();
        await _world.ActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "Received" });
        await _world.WaitForStepAsync(id, "Received", "BorrowerCheckOut", "Done");

        _world.Clock!.Advance(due - _world.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        await _world.WaitForStateAsync(id, "Overdue");

        await _world.ActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "Renew" });
        var renewed = await _world.WaitForStateAsync(id, "Received", v => v.GetProperty("renewals").GetInt32() == 1);
        Assert.True(renewed.GetProperty("dueAt").GetDateTimeOffset() > due, $"the due date did not move: {IblScenario.Describe(renewed)}");
        await _world.WaitForStepAsync(id, "Received", "RenewAtBorrower", "Done");
    }

    [Fact]
    public async Task When_a_request_is_cancelled_before_shipping_Should_release_the_lenders_hold_and_after_shipping_should_refuse_saying_what_to_do()
    {
        var isbn = IblScenario.NewIsbn();
        var barcode = await _world.AddCopyAsync(OtherInstallationLender, isbn);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        var cancelled = await _world.PlaceAsync(Borrower, member, isbn);
        await _world.WaitForStateAsync(cancelled, "SentToSupplier");
        Assert.Contains(_world.Brocade.Control.Holds(), h => h.Barcode == barcode && !h.Cancelled);
        await _world.ActAsync(cancelled, IblWorld.LibraryKey(Borrower), new { action = "Cancel", reason = "Lid heeft het boek al" });
        await _world.WaitForStepAsync(cancelled, "Cancelled", "CancelLenderHold", "Done");
        Assert.DoesNotContain(_world.Brocade.Control.Holds(), h => h.Barcode == barcode && !h.Cancelled);

        var shipped = await _world.PlaceAsync(Borrower, member, isbn);
        await _world.WaitForStateAsync(shipped, "SentToSupplier");
        await _world.ActAsync(shipped, IblWorld.LibraryKey(OtherInstallationLender), new { action = "Shipped" });
        using var refused = await _world.TryActAsync(shipped, IblWorld.LibraryKey(Borrower), new { action = "Cancel" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ShippedReturn", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_input_is_wrong_or_the_key_is_not_a_party_Should_answer_problems_that_say_what_to_do()
    {
        using var borrower = _world.Client(IblWorld.LibraryKey(Borrower));
        using var empty = await borrower.PostAsync("/api/v1/ibl/requests", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("requestingIsil", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("isbn", out _));

        var (member, _) = await _world.AddMemberAsync(Borrower);
        using var other = _world.Client(IblWorld.LibraryKey(OtherInstallationLender));
        using var forbidden = await other.PostAsync("/api/v1/ibl/requests", JsonBody(new { requestingIsil = Borrower, memberId = member, isbn = "9789000000000" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var wrongMember = await borrower.PostAsync("/api/v1/ibl/requests", JsonBody(new { requestingIsil = Borrower, memberId = "mbr-" + new string('0', 32), isbn = "9789000000000" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongMember.StatusCode);

        var id = await _world.PlaceAsync(Borrower, member, IblScenario.NewIsbn());
        using var notParty = await other.GetAsync($"/api/v1/ibl/requests/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, notParty.StatusCode);
        using var badAction = await _world.TryActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "Teleport" });
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Contains("WillSupply", await badAction.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var lenderAction = await _world.TryActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "WillSupply" });
        Assert.Equal(HttpStatusCode.Forbidden, lenderAction.StatusCode);
        using var missing = await borrower.GetAsync($"/api/v1/ibl/requests/ibl-{new string('0', 32)}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badWorklist = await borrower.GetAsync($"/api/v1/ibl/requests?isil={Borrower}&state=Lost");
        Assert.Equal(HttpStatusCode.BadRequest, badWorklist.StatusCode);

        // The title is held nowhere: the request ends at once, with the reason.
        var ended = await _world.WaitForStateAsync(id, "EndOfRota");
        Assert.Contains("No other library", ended.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}

public sealed class IblRotaTests_on_Sqlite() : IblRotaTests(TestBackend.Sqlite);

public sealed class IblRotaTests_on_Postgres() : IblRotaTests(TestBackend.Postgres);
