using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using BrocadeCopyDraft = Lsb.Hub.Simulators.Brocade.Control.CopyDraft;
using VSmartCopyDraft = Lsb.Hub.Simulators.VSmart.CopyDraft;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>
/// Issue 13 end to end, through the HTTP API against the three vendor simulators: national authentication of a Brocade
/// member for the KB platform, a V-smart member borrowing a Wise library's copy as a guest, that copy returned at a
/// Brocade library, barcode collisions, bad requests, and no PIN in any log or store.
/// </summary>
public abstract class PatronServicesEndToEnd<TWorld>(TWorld world) : IClassFixture<TWorld> where TWorld : PatronWorld
{
    private const string GuestAccountWiseForVSmart = GuestLoanSetup.WiseAccountForVSmart;

    [Fact]
    public async Task When_a_Brocade_member_authenticates_for_the_KB_Right_PIN_is_valid_wrong_PIN_is_not_and_the_tenth_wrong_try_is_throttled()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        world.BrocadeSimulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", CardNumber = "2999100000001", Pin = "Kb-pin-5521", Status = "A" });
        var memberId = await world.MemberAsync("2999100000001");
        using var kb = world.Client(PatronWorld.KbKey);

        var right = await AuthenticateAsync(kb, "2999100000001", "Kb-pin-5521");
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.True(right.Body.GetProperty("valid").GetBoolean());
        Assert.Equal(memberId, right.Body.GetProperty("memberId").GetString());
        Assert.Equal(PatronWorld.BrocadeIsil, right.Body.GetProperty("homeIsil").GetString());
        Assert.True(right.Body.GetProperty("mayBorrow").GetBoolean());
        Assert.False(right.Body.GetProperty("blocked").GetBoolean());
        Assert.False(right.Body.TryGetProperty("pin", out _));
        Assert.DoesNotContain("Kb-pin-5521", right.Text, StringComparison.Ordinal);

        // On PostgreSQL every other wrong try goes to the second hub node: the nodes share the card's count, so the
        // tenth try is refused on the first node although it saw only five of the nine failures itself.
        using var kbAtSecondNode = world.Hub.SecondNodeClient(PatronWorld.KbKey);
        for (var attempt = 1; attempt <= 9; attempt++)
        {
            var wrong = await AuthenticateAsync(attempt % 2 == 0 ? kbAtSecondNode : kb, "2999100000001", $"wrong-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.False(wrong.Body.GetProperty("valid").GetBoolean());
            Assert.False(wrong.Body.TryGetProperty("memberId", out var id) && id.ValueKind != JsonValueKind.Null);
        }
        var tenth = await AuthenticateAsync(kb, "2999100000001", "wrong-10");
        Assert.Equal(HttpStatusCode.TooManyRequests, tenth.Status);
        Assert.Equal("application/problem+json", tenth.ContentType);
        Assert.True(tenth.RetryAfter is > 0 and <= 15 * 60, $"Retry-After {tenth.RetryAfter}");
        // Throttled means not asked at home at all: even the right PIN waits.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AuthenticateAsync(kb, "2999100000001", "Kb-pin-5521")).Status);
        // Another card of the same client is not affected.
        world.BrocadeSimulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", CardNumber = "2999100000002", Pin = "Kb-pin-7730", Status = "A" });
        await world.MemberAsync("2999100000002");
        Assert.True((await AuthenticateAsync(kb, "2999100000002", "Kb-pin-7730")).Body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_card_number_of_two_library_systems_is_verified_where_the_PIN_fits_and_refused_as_ambiguous_when_it_fits_both()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        VendorPairs.AddMember(world, "Wise", "2666100000001", "Wise-pin-11");
        VendorPairs.AddMember(world, "Brocade", "2666100000001", "Brocade-pin-22");
        VendorPairs.AddMember(world, "Wise", "2666100000002", "Same-pin-33");
        VendorPairs.AddMember(world, "VSmart", "2666100000002", "Same-pin-33");
        await world.WaitForAsync<long>("both memberships of both cards",
            "SELECT CASE WHEN COUNT(*) = 4 THEN 1 ELSE 0 END FROM members WHERE card_number IN ('2666100000001', '2666100000002')", new { });
        using var kb = world.Client(PatronWorld.KbKey);

        var brocade = await AuthenticateAsync(kb, "2666100000001", "Brocade-pin-22");
        Assert.True(brocade.Body.GetProperty("valid").GetBoolean());
        Assert.Equal(PatronWorld.BrocadeIsil, brocade.Body.GetProperty("homeIsil").GetString());

        var both = await AuthenticateAsync(kb, "2666100000002", "Same-pin-33");
        Assert.Equal(HttpStatusCode.Conflict, both.Status);
        Assert.Contains("homeIsil", both.Text, StringComparison.Ordinal);
        var named = await kb.PostAsJsonAsync("/api/v1/patrons/authenticate",
            new { cardNumber = "2666100000002", pin = "Same-pin-33", service = "kb-online-library", homeIsil = PatronWorld.VSmartIsil });
        var answer = await BodyAsync(named, HttpStatusCode.OK);
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(PatronWorld.VSmartIsil, answer.GetProperty("homeIsil").GetString());
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_for_every_card_and_other_clients_do_not()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        using var burst = world.Client(PatronWorld.BurstKey);
        for (var i = 0; i < PatronWorld.ClientLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await AuthenticateAsync(burst, $"26550000{i:D5}", "guess")).Status);
        var over = await AuthenticateAsync(burst, "2655099999999", "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, over.Status);
        Assert.Equal("application/problem+json", over.ContentType);
        Assert.True(over.RetryAfter is > 0 and <= 60, $"Retry-After {over.RetryAfter}");
        using var kb = world.Client(PatronWorld.KbKey);
        Assert.Equal(HttpStatusCode.OK, (await AuthenticateAsync(kb, "2655099999999", "guess")).Status);
    }

    [Fact]
    public async Task Authentication_needs_the_patron_auth_scope_and_a_complete_request()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        using var library = world.Client(PatronWorld.LibraryKey(PatronWorld.WiseIsil));
        Assert.Equal(HttpStatusCode.Forbidden, (await AuthenticateAsync(library, "2999100000009", "x")).Status);
        using var kb = world.Client(PatronWorld.KbKey);
        var response = await kb.PostAsJsonAsync("/api/v1/patrons/authenticate", new { cardNumber = "", service = "KB Online!" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("cardNumber", out _));
        Assert.True(errors.TryGetProperty("pin", out _));
        Assert.True(errors.TryGetProperty("service", out _));
    }

    [Fact]
    public async Task When_a_VSmart_member_borrows_a_Wise_copy_as_a_guest_It_shows_in_their_view_and_a_return_at_a_Brocade_library_ends_it_at_Wise_in_transit()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (memberId, _, itemId, barcode) = await GuestSetupAsync("2888100000001", "Vs-pin-3141", "3001000000001");

        using var wiseDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.WiseIsil));
        var lend = await wiseDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = PatronWorld.WiseIsil, barcode, cardNumber = "2888100000001", pin = "Vs-pin-3141" });
        var loan = await BodyAsync(lend, HttpStatusCode.Created);
        var loanId = loan.GetProperty("loanId").GetString()!;
        Assert.Equal(memberId, loan.GetProperty("memberId").GetString());
        Assert.Equal(GuestAccountWiseForVSmart, loan.GetProperty("lendingSystemAccount").GetString());
        Assert.False(loan.GetProperty("homeSystemInformed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, loan.GetProperty("dueAt").ValueKind);
        Assert.Equal("UIT", world.WiseSimulator.Control.FindItem(PatronWorld.Wise, itemId)!.Status);

        // Without consent the member's own library sees only its own loans; with it, the guest loan at Wise.
        using var vsmartDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.VSmartIsil));
        Assert.DoesNotContain(loanId, LoanIds(await ViewAsync(vsmartDesk, memberId), "currentLoans"));
        var consent = await vsmartDesk.PutAsJsonAsync($"/api/v1/customers/{memberId}/consent", new { integralView = true, staffReference = "balie-1" });
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var view = await ViewAsync(vsmartDesk, memberId);
        var shown = view.GetProperty("currentLoans").EnumerateArray().Single(l => l.GetProperty("loanId").GetString() == loanId);
        Assert.Equal(PatronWorld.WiseIsil, shown.GetProperty("libraryIsil").GetString());
        Assert.Equal(PatronWorld.Wise, shown.GetProperty("installationId").GetString());

        // The home library cannot record the loan in its own system: the hub tells it where its member has one.
        Assert.Contains(loanId, (await BodyAsync(await vsmartDesk.GetAsync($"/api/v1/guest-loans?homeIsil={PatronWorld.VSmartIsil}"), HttpStatusCode.OK))
            .EnumerateArray().Select(l => l.GetProperty("loanId").GetString()));

        // Returned at a Brocade library: checked in at Wise, the loan ends, the copy travels home.
        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        var returned = await BodyAsync(await brocadeDesk.PostAsJsonAsync("/api/v1/returns", new { barcode, returningIsil = PatronWorld.BrocadeIsil }), HttpStatusCode.OK);
        Assert.Equal("CheckedIn", returned.GetProperty("ownerCheckIn").GetString());
        Assert.Equal("InTransit", returned.GetProperty("state").GetString());
        Assert.Equal(PatronWorld.WiseIsil, returned.GetProperty("owningIsil").GetString());
        Assert.Equal([loanId], returned.GetProperty("endedLoans").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("BES", world.WiseSimulator.Control.FindItem(PatronWorld.Wise, itemId)!.Status);
        var after = await ViewAsync(vsmartDesk, memberId);
        Assert.DoesNotContain(loanId, LoanIds(after, "currentLoans"));
        Assert.Contains(loanId, LoanIds(after, "history"));
        Assert.DoesNotContain(loanId, (await BodyAsync(await vsmartDesk.GetAsync($"/api/v1/guest-loans?homeIsil={PatronWorld.VSmartIsil}"), HttpStatusCode.OK))
            .EnumerateArray().Select(l => l.GetProperty("loanId").GetString()));

        var returnId = returned.GetProperty("id").GetString()!;
        var worklist = await BodyAsync(await wiseDesk.GetAsync($"/api/v1/returns?owningIsil={PatronWorld.WiseIsil}"), HttpStatusCode.OK);
        Assert.Contains(returnId, worklist.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await brocadeDesk.PostAsync($"/api/v1/returns/{returnId}/receipt", null)).StatusCode);
        var received = await BodyAsync(await wiseDesk.PostAsync($"/api/v1/returns/{returnId}/receipt", null), HttpStatusCode.OK);
        Assert.Equal("Received", received.GetProperty("state").GetString());
        Assert.DoesNotContain(returnId, (await BodyAsync(await wiseDesk.GetAsync($"/api/v1/returns?owningIsil={PatronWorld.WiseIsil}"), HttpStatusCode.OK))
            .EnumerateArray().Select(r => r.GetProperty("id").GetString()));

        var loanEvents = (await world.QueryAsync<string>("SELECT event_type FROM event_log WHERE subject_id = @loanId ORDER BY position", new { loanId })).ToList();
        Assert.Equal(["LoanStarted", "LoanEnded"], loanEvents);
    }

    [Fact]
    public async Task Guest_loans_that_cannot_be_made_are_problems_that_change_nothing()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (_, borrowerId, itemId, barcode) = await GuestSetupAsync("2888100000002", "Vs-pin-2718", "3001000000002");
        world.VSmartSimulator.Control.UpdateBorrower(PatronWorld.VSmart, borrowerId, new BorrowerUpdate { Status = "BL" });
        using var wiseDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.WiseIsil));
        // Only the loans of the two copies refused here: the shared world's simulators keep lending other copies meanwhile.
        const string LoansOfTheseCopies = "SELECT COUNT(*) FROM loans WHERE holding_id IN (SELECT id FROM holdings WHERE barcode IN ('3001000000002', '3003000000002'))";
        var loansBefore = await CountAsync(LoansOfTheseCopies);

        var refused = await wiseDesk.PostAsJsonAsync("/api/v1/guest-loans", new { lendingIsil = PatronWorld.WiseIsil, barcode, cardNumber = "2888100000002" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("blocked", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var invalid = await wiseDesk.PostAsJsonAsync("/api/v1/guest-loans", new { lendingIsil = "geen isil!", cardNumber = "2888100000002" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lendingIsil", out _));
        Assert.True(errors.TryGetProperty("barcode", out _));

        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        Assert.Equal(HttpStatusCode.Forbidden, (await brocadeDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = PatronWorld.WiseIsil, barcode, cardNumber = "2888100000002" })).StatusCode);

        // A Brocade library with no guest account for members of V-smart's Rivierenzand: refused, its copy stays on the shelf.
        var rivierenzand = world.VSmartSimulator.Control.AddBorrower(PatronWorld.VSmart, "RVZ",
            new BorrowerDraft { CardNumber = "2888100000012", Status = "OK", BranchCode = "RVZ01", ConsentIntegralView = false });
        world.VSmartSimulator.Control.UpdateBorrower(PatronWorld.VSmart, rivierenzand.BorrowerId, new BorrowerUpdate { Fines = 0m });
        await world.MemberAsync("2888100000012");
        var brocadeCopy = world.BrocadeSimulator.Control.AddCopy(new BrocadeCopyDraft { LibraryCode = "DRB", BranchCode = "DRB01", Barcode = "3003000000002", Title = "Zonder gastaccount" });
        await world.CopyAsync(PatronWorld.Brocade, "3003000000002");
        var noAccount = await brocadeDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = PatronWorld.BrocadeIsil, barcode = "3003000000002", cardNumber = "2888100000012" });
        Assert.Equal(HttpStatusCode.Conflict, noAccount.StatusCode);
        Assert.Contains($"GAST-{PatronWorld.BrocadeIsil}-NL-0852020000", await noAccount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(brocadeCopy.Status, world.BrocadeSimulator.Control.FindCopy(brocadeCopy.CopyNumber)!.Status);

        var unknown = await brocadeDesk.PostAsJsonAsync("/api/v1/returns", new { barcode = "0000-no-such-copy", returningIsil = PatronWorld.BrocadeIsil });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        Assert.Equal(loansBefore, await CountAsync(LoansOfTheseCopies));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM guest_loans WHERE holding_id IN (SELECT id FROM holdings WHERE barcode IN ('3001000000002', '3003000000002'))"));
        Assert.Equal("BES", world.WiseSimulator.Control.FindItem(PatronWorld.Wise, itemId)!.Status);
    }

    [Fact]
    public async Task A_barcode_of_several_installations_is_resolved_by_the_returning_library_s_region_and_refused_when_ambiguous()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        // 3009000000001 exists at Wise (region testpoi) and V-smart (region otherpoi); 3009000000002 at Wise and Brocade (both testpoi).
        var wiseCopy = world.WiseSimulator.Control.AddItem(PatronWorld.Wise, "5101", new ItemDraft { BranchId = "510100", Barcode = "3009000000001", Title = "Botsing A" });
        world.VSmartSimulator.Control.AddCopy(PatronWorld.VSmart, "DRD", new VSmartCopyDraft { BranchCode = "DRD01", Barcode = "3009000000001", Title = "Botsing A" });
        world.WiseSimulator.Control.AddItem(PatronWorld.Wise, "5101", new ItemDraft { BranchId = "510100", Barcode = "3009000000002", Title = "Botsing B" });
        world.BrocadeSimulator.Control.AddCopy(new BrocadeCopyDraft { LibraryCode = "DRB", BranchCode = "DRB01", Barcode = "3009000000002", Title = "Botsing B" });
        var wiseHolding = await world.CopyAsync(PatronWorld.Wise, "3009000000001");
        await world.CopyAsync(PatronWorld.VSmart, "3009000000001");
        await world.CopyAsync(PatronWorld.Wise, "3009000000002");
        await world.CopyAsync(PatronWorld.Brocade, "3009000000002");
        var before = await CountAsync("SELECT COUNT(*) FROM copy_returns");

        using var vsmartDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.VSmartIsil));
        var ambiguous = await vsmartDesk.PostAsJsonAsync("/api/v1/returns", new { barcode = "3009000000002", returningIsil = PatronWorld.VSmartIsil });
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        var problem = await ambiguous.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("candidates").GetArrayLength());
        Assert.Equal(before, await CountAsync("SELECT COUNT(*) FROM copy_returns"));

        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        var byRegion = await BodyAsync(await brocadeDesk.PostAsJsonAsync("/api/v1/returns", new { barcode = "3009000000001", returningIsil = PatronWorld.BrocadeIsil }),
            HttpStatusCode.OK);
        Assert.Equal(wiseHolding, byRegion.GetProperty("holdingId").GetString());
        Assert.Equal("InTransit", byRegion.GetProperty("state").GetString());

        var named = await BodyAsync(await vsmartDesk.PostAsJsonAsync("/api/v1/returns",
            new { barcode = "3009000000002", returningIsil = PatronWorld.VSmartIsil, owningIsil = PatronWorld.BrocadeIsil }), HttpStatusCode.OK);
        Assert.Equal(PatronWorld.BrocadeIsil, named.GetProperty("owningIsil").GetString());
        Assert.Equal("BES", world.WiseSimulator.Control.FindItem(PatronWorld.Wise, wiseCopy.ItemId)!.Status);
    }

    [Theory]
    [InlineData("Wise", "Brocade", "VSmart", 1)]
    [InlineData("Brocade", "Wise", "VSmart", 2)]
    [InlineData("Brocade", "VSmart", "Wise", 3)]
    [InlineData("VSmart", "Brocade", "Wise", 4)]
    [InlineData("VSmart", "Wise", "Brocade", 5)]
    [InlineData("Wise", "VSmart", "Brocade", 6)]
    public async Task Every_vendor_lends_to_a_member_of_another_and_takes_the_copy_back_through_a_third(string lender, string home, string returnedAt, int pair)
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var barcode = $"30770000000{pair:D2}";
        var (memberId, loan, status, onShelf) = await VendorPairs.GuestLoanAsync(world, lender, home, $"27771000000{pair:D2}", $"Pair-pin-{pair}", barcode);
        var loanId = loan.GetProperty("loanId").GetString()!;
        Assert.Equal(memberId, loan.GetProperty("memberId").GetString());
        Assert.True(loan.GetProperty("dueAt").ValueKind == JsonValueKind.String, $"{lender} set no due date: {loan}");
        Assert.NotEqual(onShelf, status());
        using var homeDesk = world.Client(PatronWorld.LibraryKey(VendorPairs.Isil(home)));
        var seen = await BodyAsync(await homeDesk.GetAsync($"/api/v1/guest-loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(VendorPairs.Isil(home), seen.GetProperty("homeIsil").GetString());

        using var returningDesk = world.Client(PatronWorld.LibraryKey(VendorPairs.Isil(returnedAt)));
        var returned = await BodyAsync(await returningDesk.PostAsJsonAsync("/api/v1/returns", new { barcode, returningIsil = VendorPairs.Isil(returnedAt) }),
            HttpStatusCode.OK);
        Assert.Equal("CheckedIn", returned.GetProperty("ownerCheckIn").GetString());
        Assert.Equal("InTransit", returned.GetProperty("state").GetString());
        Assert.Equal([loanId], returned.GetProperty("endedLoans").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(onShelf, status());
    }

    [Fact]
    public async Task No_PIN_appears_in_any_log_or_store()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        const string pin = "Zq7-secret-pin-81X4";
        const string wrongPin = "Wr0ng-secret-pin-6Yt";
        world.BrocadeSimulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", BranchCode = "DRB01", CardNumber = "2999100000003", Pin = pin, Status = "A" });
        await world.MemberAsync("2999100000003");
        var (_, _, _, barcode) = await GuestSetupAsync("2888100000003", pin, "3001000000003");
        using var kb = world.Client(PatronWorld.KbKey);
        Assert.True((await AuthenticateAsync(kb, "2999100000003", pin)).Body.GetProperty("valid").GetBoolean());
        Assert.False((await AuthenticateAsync(kb, "2999100000003", wrongPin)).Body.GetProperty("valid").GetBoolean());
        using var wiseDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.WiseIsil));
        await BodyAsync(await wiseDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = PatronWorld.WiseIsil, barcode, cardNumber = "2888100000003", pin }), HttpStatusCode.Created);
        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        await BodyAsync(await brocadeDesk.PostAsJsonAsync("/api/v1/returns", new { barcode, returningIsil = PatronWorld.BrocadeIsil }), HttpStatusCode.OK);

        var database = world.Hub.Services.GetRequiredService<HubDatabase>();
        Assert.True(await StoreSearch.CountTablesAsync(database) > 10);
        Assert.Empty(await StoreSearch.FindAsync(database, pin, wrongPin));
        var log = await world.LogTextAsync();
        Assert.Contains("Patron authentication for service", log, StringComparison.Ordinal); // the file does receive the hub's log
        Assert.DoesNotContain(pin, log, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPin, log, StringComparison.Ordinal);
        Assert.DoesNotContain("2999100000003", log, StringComparison.Ordinal);
        Assert.DoesNotContain("2888100000003", log, StringComparison.Ordinal);
    }

    private Task<(string MemberId, string BorrowerId, string ItemId, string Barcode)> GuestSetupAsync(string card, string pin, string barcode)
        => GuestLoanSetup.VSmartMemberAndWiseCopyAsync(world, card, pin, barcode);

    private async Task<long> CountAsync(string sql) => (await world.QueryAsync<long>(sql)).Single();

    private static async Task<JsonElement> ViewAsync(HttpClient desk, string memberId)
        => await BodyAsync(await desk.GetAsync($"/api/v1/customers/{memberId}/view?requestingIsil={PatronWorld.VSmartIsil}"), HttpStatusCode.OK);

    private static List<string?> LoanIds(JsonElement view, string list) => [.. view.GetProperty(list).EnumerateArray().Select(l => l.GetProperty("loanId").GetString())];

    private static Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected) => GuestLoanSetup.BodyAsync(response, expected);

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text, string? ContentType, double? RetryAfter)> AuthenticateAsync(
        HttpClient client, string card, string pin)
    {
        var response = await client.PostAsJsonAsync("/api/v1/patrons/authenticate", new { cardNumber = card, pin, service = "kb-online-library" });
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, text, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta?.TotalSeconds);
    }
}

public sealed class SqlitePatronServicesEndToEnd(SqlitePatronWorld world) : PatronServicesEndToEnd<SqlitePatronWorld>(world);

public sealed class PostgresPatronServicesEndToEnd(PostgresPatronWorld world) : PatronServicesEndToEnd<PostgresPatronWorld>(world);
