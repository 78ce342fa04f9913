using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Consolidation;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Consolidation.Support;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Ibl;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation;

/// <summary>
/// The issue's end-to-end: Bibliotheek Lindendal, with members, copies, open loans and loan history in its Wise
/// installation, its holdings in the GGC simulator and an interlibrary loan request of one of its members in flight,
/// is migrated to a V-smart installation and re-homed through the API; a bad map is refused first.
/// </summary>
public abstract class LibraryMoveEndToEndTests(TestBackend backend) : MoveWorldTests(backend, IblRequestAcrossMove.Settings)
{
    [Fact]
    public async Task When_a_library_moves_from_Wise_to_VSmart_with_an_IBL_request_in_flight_Should_keep_every_canonical_id_consent_history_and_holdings_and_complete_the_request_through_VSmart()
    {
        var wise = World.WiseControl;
        var vsmart = World.VSmartControl;

        // Lindendal on Wise: three members (one at its branch), four copies, two open loans, one returned.
        var anna = wise.AddPatron(Wise, Lindendal, Person("Anna", "Veldkamp", "2000100000011", "410100"));
        var bram = wise.AddPatron(Wise, Lindendal, Person("Bram", "Oosterhof", "2000100000022", "410101"));
        var cor = wise.AddPatron(Wise, Lindendal, Person("Cor", "Haverkamp", "2000100000033", "410100"));
        var titles = new[] { "De avonden", "Max Havelaar", "Het diner", "Tirza" }.Select(t => (Title: t, Isbn: TestIsbn.Next())).ToArray();
        var copies = titles.Select((t, i) => wise.AddItem(Wise, Lindendal, new ItemDraft { Title = t.Title, Isbn = t.Isbn, Barcode = $"3000100000{i}", BranchId = "410100" })).ToArray();
        var isbns = copies.Zip(titles).ToDictionary(p => p.First.ItemId, p => p.Second.Isbn);
        var loan1 = wise.CheckOut(Wise, copies[0].ItemId, anna.PatronSystemId);
        var loan2 = wise.CheckOut(Wise, copies[1].ItemId, bram.PatronSystemId);
        var loan3 = wise.CheckOut(Wise, copies[2].ItemId, cor.PatronSystemId);
        wise.Return(Wise, copies[2].ItemId);
        var hilde = wise.AddPatron(Wise, Heidebeek, Person("Hilde", "Brink", "2000200000011", "410200"));

        var members = new Dictionary<string, string>();
        foreach (var p in new[] { anna, bram, cor, hilde }) members[p.PatronSystemId] = await World.ArrivedAsync(Wise, "member", p.PatronSystemId);
        var holdings = new Dictionary<string, string>();
        foreach (var c in copies) holdings[c.ItemId] = await World.ArrivedAsync(Wise, "holding", c.ItemId);
        var loans = new Dictionary<string, string>();
        foreach (var l in new[] { loan1, loan2, loan3 }) loans[l.LoanId] = await World.ArrivedAsync(Wise, "loan", l.LoanId);
        await World.WaitForAsync("the return of Het diner", "SELECT COUNT(*) FROM loans WHERE id = @id AND ended_at IS NOT NULL", new { id = loans[loan3.LoanId] }, n => n == 1);
        var corMember = members[cor.PatronSystemId];
        await PutConsentAsync(corMember);
        await World.SyncHoldingsAsync(LindendalIsil);
        Assert.Equal(4, World.Ggc.Control.HeldCount(LindendalIsil));
        // Anna borrows a title from Rivierenzand (V-smart) by interlibrary loan: validated at Wise, the lender has shipped it.
        var ibl = await IblRequestAcrossMove.ShipAsync(World, members[anna.PatronSystemId]);
        var iblBeforeTheMove = IblScenario.Describe(await ibl.ViewAsync());

        // The vendor migrates what is current into V-smart under new ids (history stays behind, as migrations do). V-smart
        // has a consent field and Wise had none, so the migration fills in "nee" for everyone — Cor included, whose
        // integral-view consent was given through the hub before the move: the first value the new system reports is a
        // baseline, not his newest decision, and his view stays integral.
        var moved = new Dictionary<string, SimulatedBorrower>
        {
            [anna.PatronSystemId] = vsmart.AddBorrower(VSmart, MigratedLindendal, Borrower("Anna", "Veldkamp", "2000100000011", "LDL01", consent: false)),
            [bram.PatronSystemId] = vsmart.AddBorrower(VSmart, MigratedLindendal, Borrower("Bram", "Oosterhof", "2000100000022", "LDL02", consent: false)),
            [cor.PatronSystemId] = vsmart.AddBorrower(VSmart, MigratedLindendal, Borrower("Cor", "Haverkamp", "2000100000033", "LDL01", consent: false)),
        };
        var movedCopies = copies.ToDictionary(c => c.ItemId,
            c => vsmart.AddCopy(VSmart, MigratedLindendal, new Simulators.VSmart.CopyDraft { Title = c.Title, Barcode = c.Barcode, BranchCode = "LDL01", Isbn = isbns[c.ItemId] }));
        var movedLoans = new Dictionary<string, Simulators.VSmart.SimulatedLoan>();
        foreach (var (loan, copy, patron) in new[] { (loan1, copies[0], anna), (loan2, copies[1], bram) })
        {
            var lentAt = DateTimeOffset.Parse(await World.ScalarAsync<string>("SELECT started_at FROM loans WHERE id = @id", new { id = loans[loan.LoanId] }), System.Globalization.CultureInfo.InvariantCulture);
            movedLoans[loan.LoanId] = vsmart.MigrateLoan(VSmart, movedCopies[copy.ItemId].ItemId, moved[patron.PatronSystemId].BorrowerId, lentAt, loan.DueDate);
        }
        // Rivierenzand's activity after the migration: once it is in, V-smart's feed has been read past the migrated data.
        var rivierenzand = vsmart.AddBorrower(VSmart, Rivierenzand, Borrower("Ria", "Zandstra", "2000300000011", "RVZ01"));
        var ria = await World.ArrivedAsync(VSmart, "member", rivierenzand.BorrowerId);
        // V-smart's ids the hub knows: Ria and what the IBL request brought in at the lender; none of the migrated data.
        Assert.Equal(ibl.AtLender.Append(ria).Order(), await VSmartIdMapAsync());
        Assert.Equal(3L, await World.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE home_isil LIKE 'NL-084101%'"));

        // A dry run with a bad map reports every problem; neither it nor the same map for real changes anything.
        var badMap = string.Join("\n",
            "entity,old_id,new_id",
            $"member,{anna.PatronSystemId},{moved[anna.PatronSystemId].BorrowerId}",
            $"member,{anna.PatronSystemId},{moved[bram.PatronSystemId].BorrowerId}",
            $"member,999999,{moved[cor.PatronSystemId].BorrowerId}9",
            $"member,{hilde.PatronSystemId},777777",
            $"member,{cor.PatronSystemId},{rivierenzand.BorrowerId}",
            $"copy,{copies[0].ItemId},{movedCopies[copies[0].ItemId].ItemId}",
            $"copy,{copies[1].ItemId},{movedCopies[copies[0].ItemId].ItemId}",
            $"boek,{copies[2].ItemId},{movedCopies[copies[2].ItemId].ItemId}",
            $"loan,{loan1.LoanId},{movedLoans[loan1.LoanId].LoanId}");
        var (dryStatus, dry) = await World.PostMoveAsync(LindendalIsil, new { targetInstallation = VSmart, targetVendorLibraryId = MigratedLindendal, migrationMap = badMap, dryRun = true });
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.False(dry.GetProperty("ok").GetBoolean());
        var problems = Problems(dry.GetProperty("problems"));
        Assert.Equal(
            new[]
            {
                ("hub.not-in-map", bram.PatronSystemId),
                ("hub.not-in-map", copies[2].ItemId),
                ("hub.not-in-map", copies[3].ItemId),
                ("hub.not-in-map", loan2.LoanId),
                ("map.duplicate-new-id", movedCopies[copies[0].ItemId].ItemId),
                ("map.duplicate-old-id", anna.PatronSystemId),
                ("map.new-id-taken", rivierenzand.BorrowerId),
                ("map.not-this-library", hilde.PatronSystemId),
                ("map.unknown-entity", "line 9"),
                ("map.unknown-old-id", "999999"),
            }.Order().ToArray(),
            problems.Order().ToArray());
        Assert.Equal([("hub.history-not-in-map", loan3.LoanId)], Problems(dry.GetProperty("warnings")));
        Assert.Equal(3, dry.GetProperty("members").GetProperty("inHub").GetInt32());
        using (var client = World.Client())
        using (var missing = await client.PostAsJsonAsync($"/api/v1/libraries/{LindendalIsil}/moves", new { targetInstallation = VSmart }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("migrationMap", out _) && errors.TryGetProperty("targetVendorLibraryId", out _), errors.ToString());
        }
        var (refusedStatus, refused) = await World.PostMoveAsync(LindendalIsil, new { targetInstallation = VSmart, targetVendorLibraryId = MigratedLindendal, migrationMap = badMap });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus);
        Assert.Equal(problems.Order(), Problems(refused.GetProperty("report").GetProperty("problems")).Order());
        Assert.Equal(Wise, (await World.GetAsync($"/api/v1/libraries/{LindendalIsil}")).GetProperty("installationId").GetString());
        Assert.Equal(0, (await World.GetAsync($"/api/v1/libraries/{LindendalIsil}/moves")).GetArrayLength());
        Assert.Equal(ibl.AtLender.Append(ria).Order(), await VSmartIdMapAsync());
        Assert.Equal(iblBeforeTheMove, IblScenario.Describe(await ibl.ViewAsync()));

        // The move with the vendor's real map: cut over at once, the overlap ends when the administrator says so.
        var map = "entity;old_id;new_id\n" + string.Join("\n",
            moved.Select(m => $"member;{m.Key};{m.Value.BorrowerId}")
                .Concat(movedCopies.Select(c => $"copy;{c.Key};{c.Value.ItemId}"))
                .Concat(movedLoans.Select(l => $"loan;{l.Key};{l.Value.LoanId}")));
        var (acceptedStatus, accepted) = await World.PostMoveAsync(LindendalIsil,
            new { targetInstallation = VSmart, targetVendorLibraryId = MigratedLindendal, migrationMap = map, overlap = "00:30:00" }, HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.Accepted, acceptedStatus);
        var location = $"/api/v1/libraries/{LindendalIsil}/moves/{accepted.GetProperty("id").GetString()}";
        await World.WaitForMoveAsync(location, "Overlap");
        Assert.Equal(VSmart, (await World.GetAsync($"/api/v1/libraries/{LindendalIsil}")).GetProperty("installationId").GetString());
        // From the cut-over every current member, copy and loan of Lindendal belongs to V-smart (routing, the customer view).
        Assert.Equal(9L, await World.ScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM members WHERE home_isil LIKE 'NL-084101%' AND installation_id = @VSmart) + " +
            "(SELECT COUNT(*) FROM holdings WHERE isil LIKE 'NL-084101%' AND installation_id = @VSmart) + " +
            "(SELECT COUNT(*) FROM loans WHERE isil LIKE 'NL-084101%' AND installation_id = @VSmart)", new { VSmart }));

        // The IBL request completes through V-smart (still in the overlap, Wise still read), and nothing reaches Wise:
        // its counters of items, loans and holds are the same at the end of the request as at the cut-over.
        var wiseAtCutOver = wise.Statistics(Wise);
        var wiseHoldsAtCutOver = wise.Holds(Wise).Count;
        await ibl.CompleteAsync(moved[anna.PatronSystemId].BorrowerId);
        Assert.Equal(wiseAtCutOver, wise.Statistics(Wise));
        Assert.Equal(wiseHoldsAtCutOver, wise.Holds(Wise).Count);

        // In the overlap the same return reaches the hub from both systems: one LoanEnded.
        vsmart.Return(VSmart, movedCopies[copies[0].ItemId].ItemId);
        wise.Return(Wise, copies[0].ItemId);
        await World.WaitForAsync("the return through V-smart", "SELECT COUNT(*) FROM loans WHERE id = @id AND ended_at IS NOT NULL AND installation_id = @VSmart AND source_version <> -1",
            new { id = loans[loan1.LoanId], VSmart }, n => n == 1);
        await SentinelAsync(wise, "2000200000022");
        Assert.Single(await EventsAsync("LoanEnded", loans[loan1.LoanId]));

        await World.Client().PostAsync($"{location}/end-overlap", null);
        var completed = await World.WaitForMoveAsync(location, "Completed");
        Assert.Equal(9, completed.GetProperty("progress").GetProperty("rebound").GetInt64());
        Assert.Equal(100, completed.GetProperty("progress").GetProperty("percent").GetDouble());

        // Commands for Lindendal go to V-smart now, naming its ids.
        var routing = World.Hub.Services.GetRequiredService<LibraryRouting>();
        Assert.Equal(VSmart, (await routing.ResolveAsync(Lsb.Hub.Canonical.Identity.Isil.Parse(LindendalBranchIsil), default))?.Installation.Id);
        Assert.Equal(moved[anna.PatronSystemId].BorrowerId, await routing.LocalIdAsync(VSmart, "member", members[anna.PatronSystemId], default));
        Assert.Null(await routing.LocalIdAsync(VSmart, "loan", loans[loan3.LoanId], default));

        // Wise no longer speaks for Lindendal; V-smart does.
        wise.UpdatePatron(Wise, cor.PatronSystemId, new PatronUpdate { FamilyName = "Verhuisd" });
        await SentinelAsync(wise, "2000200000033");
        Assert.Equal("Haverkamp", await World.ScalarAsync<string>("SELECT family_name FROM members WHERE id = @corMember", new { corMember }));
        var newLoan = vsmart.CheckOut(VSmart, movedCopies[copies[3].ItemId].ItemId, moved[cor.PatronSystemId].BorrowerId);
        var newLoanId = await World.ArrivedAsync(VSmart, "loan", newLoan.LoanId);
        var started = Assert.Single(await EventsAsync("LoanStarted", newLoanId));
        Assert.Equal(corMember, started.GetProperty("payload").GetProperty("memberId").GetString());
        Assert.Equal(holdings[copies[3].ItemId], started.GetProperty("payload").GetProperty("holdingId").GetString());

        // Every canonical id is unchanged, and reachable from both systems' ids; nothing was registered twice.
        foreach (var (old, borrower) in moved)
            Assert.Equal(members[old], await World.CanonicalIdAsync(VSmart, "member", borrower.BorrowerId));
        foreach (var (old, copy) in movedCopies)
            Assert.Equal(holdings[old], await World.CanonicalIdAsync(VSmart, "holding", copy.ItemId));
        foreach (var (old, loan) in movedLoans)
            Assert.Equal(loans[old], await World.CanonicalIdAsync(VSmart, "loan", loan.LoanId));
        var events = await World.EventsAsync();
        foreach (var id in members.Values) Assert.Single(events, e => e.GetProperty("eventType").GetString() == "MemberRegistered" && e.GetProperty("subjectId").GetString() == id);
        foreach (var id in holdings.Values) Assert.Single(events, e => e.GetProperty("eventType").GetString() == "HoldingAdded" && e.GetProperty("subjectId").GetString() == id);
        foreach (var id in loans.Values) Assert.Single(events, e => e.GetProperty("eventType").GetString() == "LoanStarted" && e.GetProperty("subjectId").GetString() == id);
        Assert.Equal(3L, await World.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE home_isil LIKE 'NL-084101%'"));
        Assert.Equal(4L, await World.ScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE isil LIKE 'NL-084101%'"));
        // V-smart's harvest of the library took every copy over: no copy withdrawn and added again on the way.
        await World.WaitForAsync("V-smart's harvest of Lindendal's copies", "SELECT COUNT(*) FROM holdings WHERE isil LIKE 'NL-084101%' AND installation_id = @VSmart AND source_version <> -1",
            new { VSmart }, n => n == 4);
        events = await World.EventsAsync();
        Assert.DoesNotContain(events, e => e.GetProperty("eventType").GetString() == "HoldingWithdrawn");
        foreach (var id in holdings.Values) Assert.Single(events, e => e.GetProperty("eventType").GetString() == "HoldingAdded" && e.GetProperty("subjectId").GetString() == id);

        // The national catalogue never saw Lindendal's holdings go: the next file holds no delete, and GGC holds all four.
        await World.SyncHoldingsAsync(LindendalIsil);
        Assert.Equal(4, World.Ggc.Control.HeldCount(LindendalIsil));
        foreach (var id in holdings.Values) Assert.NotNull(World.Ggc.Control.Find(LindendalIsil, id));
        Assert.DoesNotContain(World.Ggc.Control.Reports().SelectMany(r => r.Outcomes), o => o.Action == "delete");

        // Cor's view: the loan history from Wise and the current loan from V-smart, consent kept.
        using var poi = World.Client(HubHost.PoiKey);
        var view = await poi.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{corMember}/view?requestingIsil={LindendalIsil}");
        Assert.Equal("Integral", view.GetProperty("scope").GetString());
        Assert.Equal(["Tirza"], Titles(view, "currentLoans"));
        Assert.Equal(["Het diner"], Titles(view, "history"));
        var current = view.GetProperty("currentLoans")[0];
        Assert.Equal(VSmart, current.GetProperty("installationId").GetString());
    }

    private async Task<List<string>> VSmartIdMapAsync()
        => [.. (await World.QueryAsync<string>("SELECT canonical_id FROM id_map WHERE installation_id = @VSmart", new { VSmart })).Order()];

    private async Task SentinelAsync(WiseSimulatorControl wise, string card)
    {
        // Wise is read library by library in order; a new Heidebeek patron arriving means Lindendal's earlier changes were read.
        var patron = wise.AddPatron(Wise, Heidebeek, Person("Sentinel", card[^4..], card, "410200"));
        await World.ArrivedAsync(Wise, "member", patron.PatronSystemId);
    }

    private async Task<List<JsonElement>> EventsAsync(string type, string subject)
        => [.. (await World.EventsAsync()).Where(e => e.GetProperty("eventType").GetString() == type && e.GetProperty("subjectId").GetString() == subject)];

    private async Task PutConsentAsync(string memberId)
    {
        using var client = World.Client(HubHost.PoiKey);
        using var response = await client.PutAsJsonAsync($"/api/v1/customers/{memberId}/consent", new { integralView = true, staffReference = "balie-1" });
        Assert.True(response.IsSuccessStatusCode, $"consent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static List<(string Code, string Id)> Problems(JsonElement list)
        => [.. list.EnumerateArray().Select(p => (p.GetProperty("code").GetString()!,
            p.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : $"line {p.GetProperty("line").GetInt32()}"))];

    private static List<string> Titles(JsonElement view, string list)
        => [.. view.GetProperty(list).EnumerateArray().Select(l => l.GetProperty("title").GetString()!)];

    private static PatronDraft Person(string given, string family, string card, string branch)
        => new() { GivenName = given, FamilyName = family, CardNumber = card, BirthDate = new DateOnly(1980, 3, 4), Status = "ACT", Category = "VOLW", BranchId = branch };

    private static BorrowerDraft Borrower(string given, string family, string card, string branch, bool? consent = null)
        => new() { GivenName = given, FamilyName = family, CardNumber = card, BirthDate = new DateOnly(1980, 3, 4), BranchCode = branch, ConsentIntegralView = consent };
}

public sealed class LibraryMoveEndToEndTests_on_Sqlite() : LibraryMoveEndToEndTests(TestBackend.Sqlite);

[Collection(PostgresConsolidationCollection.Name)]
public sealed class LibraryMoveEndToEndTests_on_Postgres() : LibraryMoveEndToEndTests(TestBackend.Postgres);
