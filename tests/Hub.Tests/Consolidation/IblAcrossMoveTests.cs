using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Consolidation.Support;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation;

/// <summary>
/// The issue's "IBL request in flight" across a move: a member of Bibliotheek Lindendal (Wise) borrows a title from
/// Bibliotheek Rivierenzand (V-smart); after the lender has shipped, Lindendal moves to V-smart; the borrower's half of
/// the request (temporary copy, the member's loan, its return and the copy's removal) then runs at V-smart under the
/// member's new V-smart id, nothing at all reaches Wise from the cut-over, and the request completes.
/// </summary>
public abstract class IblAcrossMoveTests(TestBackend backend)
    : MoveWorldTests(backend, new Dictionary<string, string?> { ["Ibl:OutboxSweep"] = "00:00:01" })
{
    [Fact]
    public async Task When_the_borrowing_library_moves_from_Wise_to_VSmart_with_a_request_shipped_Should_complete_the_request_through_VSmart_and_send_nothing_to_Wise()
    {
        var wise = World.WiseControl;
        var vsmart = World.VSmartControl;

        // Anna is a member of Lindendal on Wise; Rivierenzand (V-smart) holds the title and has Lindendal's institutional patron.
        var anna = wise.AddPatron(Wise, Lindendal, new PatronDraft
        {
            GivenName = "Anna", FamilyName = "Veldkamp", CardNumber = "2000100000011", BirthDate = new DateOnly(1980, 3, 4), Status = "ACT", Category = "VOLW", BranchId = "410100",
        });
        var member = await World.ArrivedAsync(Wise, "member", anna.PatronSystemId);
        vsmart.AddBorrower(VSmart, Rivierenzand, new BorrowerDraft { CardNumber = $"IBL-{RivierenzandIsil}-{LindendalIsil}", Status = "OK" });
        var isbn = TestIsbn.Next();
        var copy = vsmart.AddCopy(VSmart, Rivierenzand, new CopyDraft { Isbn = isbn, Title = "Het boek van de leenketen", Author = "A. Jansen", MaterialCode = "BK", Status = "AV", Policy = "IBL" });
        await World.WaitForAsync($"copy {copy.Barcode} lendable in the hub", "SELECT COUNT(*) FROM holdings WHERE barcode = @barcode AND status = 'Available' AND ibl_lendable = @yes",
            new { barcode = copy.Barcode, yes = true }, n => n == 1);

        // Before the move: the request is placed, the member validated at Wise, the lender holds, lends and ships.
        var id = await PlaceAsync(member, isbn);
        var sent = await WaitForStateAsync(id, "SentToSupplier");
        Assert.Equal(RivierenzandIsil, sent.GetProperty("lender").GetProperty("agency").GetString());
        Assert.Equal("Done", Step(sent, "ValidatePatron")?.GetProperty("status").GetString());
        await ActAsync(id, new { action = "WillSupply" });
        await ActAsync(id, new { action = "Shipped" });
        var loaned = await WaitForStateAsync(id, "Loaned", v => Step(v, "LenderCheckOut")?.GetProperty("status").GetString() == "Done");
        Assert.Null(Step(loaned, "CreateTemporaryItem"));
        Assert.Equal(Wise, await World.ScalarAsync<string>("SELECT installation_id FROM members WHERE id = @member", new { member }));

        // The vendor migrates Anna to V-smart under a new id; the library moves with that map.
        var movedAnna = vsmart.AddBorrower(VSmart, MigratedLindendal, new BorrowerDraft
        {
            GivenName = "Anna", FamilyName = "Veldkamp", CardNumber = "2000100000011", BirthDate = new DateOnly(1980, 3, 4), BranchCode = "LDL01",
        });
        Assert.NotEqual(anna.PatronSystemId, movedAnna.BorrowerId);
        var (status, accepted) = await World.PostMoveAsync(LindendalIsil, new
        {
            targetInstallation = VSmart, targetVendorLibraryId = MigratedLindendal, overlap = "00:30:00",
            migrationMap = $"entity;old_id;new_id\nmember;{anna.PatronSystemId};{movedAnna.BorrowerId}",
        }, HubHost.PoiKey);
        Assert.True(status == HttpStatusCode.Accepted, $"the move answered {(int)status}: {accepted}");
        var location = $"/api/v1/libraries/{LindendalIsil}/moves/{accepted.GetProperty("id").GetString()}";
        await World.WaitForMoveAsync(location, "Overlap");
        Assert.Equal(VSmart, await World.ScalarAsync<string>("SELECT installation_id FROM members WHERE id = @member", new { member }));
        // From here nothing may reach Wise: its counters of items, loans and holds must stay as they are.
        var wiseAtCutOver = wise.Statistics(Wise);
        var wiseHoldsAtCutOver = wise.Holds(Wise).Count;

        // After the cut-over (still in the overlap, Wise still read): the borrower receives the copy.
        await ActAsync(id, new { action = "Received" });
        var received = await WaitForStateAsync(id, "Received", v => Step(v, "BorrowerCheckOut")?.GetProperty("status").GetString() == "Done");
        var temporaryId = await World.ScalarAsync<string>("SELECT temp_item_id FROM ibl_requests WHERE id = @id", new { id });
        Assert.False(string.IsNullOrEmpty(temporaryId), $"no temporary copy recorded: {Describe(received)}");
        var temporary = vsmart.FindCopy(VSmart, temporaryId);
        Assert.True(temporary is { Temporary: true, Withdrawn: false } && temporary.LibraryId == MigratedLindendal,
            $"V-smart has no temporary copy {temporaryId} of Lindendal: {temporary}");
        // Lender and borrower now share V-smart: the temporary copy carries the prefixed barcode (IblCommandBuilder.TemporaryBarcode).
        Assert.Equal("IBL-" + copy.Barcode, temporary!.Barcode);
        // The member's loan comes in through V-smart's feed, for V-smart's borrower id, under the unchanged canonical member.
        var loan = await WaitForValueAsync("Anna's loan of the temporary copy through V-smart",
            "SELECT l.id FROM loans l JOIN id_map i ON i.canonical_id = l.id AND i.entity = 'loan' AND i.installation_id = @VSmart " +
            "WHERE l.member_id = @member AND l.installation_id = @VSmart AND l.ended_at IS NULL", new { member, VSmart });
        Assert.Equal(member, await World.CanonicalIdAsync(VSmart, "member", movedAnna.BorrowerId));

        await ActAsync(id, new { action = "ShippedReturn" });
        await WaitForStateAsync(id, "ShippedReturn", v => Step(v, "DeleteTemporaryItem")?.GetProperty("status").GetString() == "Done");
        await World.WaitForAsync("the end of Anna's loan through V-smart", "SELECT COUNT(*) FROM loans WHERE id = @loan AND ended_at IS NOT NULL AND installation_id = @VSmart",
            new { loan, VSmart }, n => n == 1);
        Assert.True(vsmart.FindCopy(VSmart, temporaryId) is null or { Withdrawn: true }, $"V-smart still has the temporary copy: {vsmart.FindCopy(VSmart, temporaryId)}");

        await ActAsync(id, new { action = "CheckedIn" });
        var done = await WaitForStateAsync(id, "LoanCompleted");
        Assert.Equal(["New", "Validated", "Sourcing", "SentToSupplier", "WillSupply", "Loaned", "Received", "ShippedReturn", "LoanCompleted"], States(done));
        Assert.Equal(member, done.GetProperty("memberId").GetString());
        // Every borrower step after the cut-over ran once and succeeded: none lost, none repeated.
        foreach (var kind in new[] { "CreateTemporaryItem", "BorrowerCheckOut", "BorrowerCheckIn", "DeleteTemporaryItem" })
            Assert.Single(done.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == kind && s.GetProperty("status").GetString() == "Done");
        await World.WaitForAsync("the lender's copy back on the shelf", "SELECT COUNT(*) FROM holdings WHERE barcode = @barcode AND status = 'Available'",
            new { barcode = copy.Barcode }, n => n == 1);

        // Nothing reached Wise from the cut-over: no copy created or removed, no loan, no hold.
        using (var client = World.Client())
        using (var ended = await client.PostAsync($"{location}/end-overlap", null))
            Assert.True(ended.IsSuccessStatusCode, $"ending the overlap answered {(int)ended.StatusCode}");
        await World.WaitForMoveAsync(location, "Completed");
        var wiseAtEnd = wise.Statistics(Wise);
        Assert.Equal(wiseAtCutOver, wiseAtEnd);
        Assert.Equal(wiseHoldsAtCutOver, wise.Holds(Wise).Count);
        Assert.Equal(1L, await World.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE home_isil LIKE 'NL-084101%'"));
    }

    private async Task<string> PlaceAsync(string memberId, string isbn)
    {
        using var client = World.Client();
        using var response = await client.PostAsJsonAsync("/api/v1/ibl/requests", new { requestingIsil = LindendalIsil, memberId, isbn, pickupLocation = LindendalIsil });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"placing the request: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task ActAsync(string id, object action)
    {
        using var client = World.Client();
        using var response = await client.PostAsJsonAsync($"/api/v1/ibl/requests/{id}/actions", action);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"action {JsonSerializer.Serialize(action)} on {id}: {(int)response.StatusCode} {body}");
    }

    private async Task<JsonElement> WaitForStateAsync(string id, string state, Func<JsonElement, bool>? also = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await World.GetAsync($"/api/v1/ibl/requests/{id}");
            var now = view.GetProperty("state").GetString();
            if (now == state && (also is null || also(view))) return view;
            if (DateTime.UtcNow > deadline || (now != state && view.TryGetProperty("endedAt", out var ended) && ended.ValueKind != JsonValueKind.Null))
                throw new TimeoutException($"Request {id} did not reach {state}; it is {now}: {Describe(view)}");
            await Task.Delay(200);
        }
    }

    private async Task<string> WaitForValueAsync(string what, string sql, object parameters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await World.ScalarAsync<string?>(sql, parameters);
            if (!string.IsNullOrEmpty(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }

    private static JsonElement? Step(JsonElement view, string kind)
    {
        JsonElement? last = null;
        foreach (var step in view.GetProperty("steps").EnumerateArray())
            if (step.GetProperty("kind").GetString() == kind) last = step;
        return last;
    }

    private static List<string> States(JsonElement view)
        => [.. view.GetProperty("history").EnumerateArray().Where(h => !h.TryGetProperty("from", out var f) || f.GetString() != h.GetProperty("to").GetString())
            .Select(h => h.GetProperty("to").GetString()!)];

    private static string Describe(JsonElement view)
        => string.Join(" | ", view.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("to").GetString()}: {h.GetProperty("what").GetString()}"
            + (h.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? $" ({n.GetString()})" : ""))) + " || steps: "
            + string.Join(", ", view.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("kind").GetString()}={s.GetProperty("status").GetString()}"
                + (s.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? $" ({m.GetString()})" : "")));
}

public sealed class IblAcrossMoveTests_on_Sqlite() : IblAcrossMoveTests(TestBackend.Sqlite);

[Collection(PostgresConsolidationCollection.Name)]
public sealed class IblAcrossMoveTests_on_Postgres() : IblAcrossMoveTests(TestBackend.Postgres);
