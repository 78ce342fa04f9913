using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>
/// The lending system reports a guest loan too (issue 13): the hub checks the copy out to the guest account, and that
/// system's change feed then reports a loan of the account. Ingest attributes it to the hub's guest loan, so the event log
/// and the DWH feed count one loan, and what the lending desk does with it (renewal, check-in) lands on the member's
/// guest loan. A loan to a guest account that the hub did not record is a failed message, never a loan of the account.
/// </summary>
public abstract class GuestAccountLoansEndToEnd<TWorld>(TWorld world) : IClassFixture<TWorld> where TWorld : PatronWorld
{
    [Fact]
    public async Task A_guest_loan_and_its_return_are_one_LoanStarted_and_one_LoanEnded_though_the_lending_system_reports_both_too()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (_, _, barcode, holdingId, card) = await GuestAndCopyAsync(1);
        var loanId = await LendAsync(barcode, card);

        var lendingSystemLoan = await LendingSystemLoanAsync(holdingId);
        await ReturnAtBrocadeAsync(barcode, loanId, lendingSystemLoan);

        using var admin = world.Client(HubHost.AdminKey);
        var log = await EventPages.ReadAllAsync(admin, "/api/v1/events");
        Assert.Equal([loanId], OfCopy(log, "LoanStarted", "payload", holdingId).Select(e => e.GetProperty("payload").GetProperty("loanId").GetString()));
        Assert.Equal([loanId], OfCopy(log, "LoanEnded", "payload", holdingId).Select(e => e.GetProperty("payload").GetProperty("loanId").GetString()));
        using var dwh = world.Client(HubHost.DwhKey);
        var feed = await EventPages.ReadAllAsync(dwh, "/api/v1/dwh/events");
        Assert.Single(OfCopy(feed, "LoanStarted", "data", holdingId));
        Assert.Single(OfCopy(feed, "LoanEnded", "data", holdingId));
        Assert.Equal([loanId], await world.QueryAsync<string>("SELECT id FROM loans WHERE holding_id = @holdingId", new { holdingId }));
        // Wise's loan to the guest account, as the hub read it from Wise's feed, is the guest loan.
        Assert.Equal(loanId, lendingSystemLoan);
    }

    [Fact]
    public async Task A_guest_loan_renewed_and_checked_in_at_the_lending_library_s_desk_is_renewed_and_ended_for_the_member()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (memberId, itemId, barcode, holdingId, card) = await GuestAndCopyAsync(2);
        var loanId = await LendAsync(barcode, card);
        Assert.Equal(loanId, await LendingSystemLoanAsync(holdingId));

        var renewal = world.WiseSimulator.Control.Renew(PatronWorld.Wise, itemId);
        var renewed = (await WaitForEventAsync("LoanRenewed", loanId)).GetProperty("payload");
        Assert.Equal(memberId, renewed.GetProperty("memberId").GetString());
        Assert.Equal(1, renewed.GetProperty("renewals").GetInt32());
        Assert.Equal(renewal.DueDate, DateOnly.FromDateTime(renewed.GetProperty("dueAt").GetDateTimeOffset().Date));

        world.WiseSimulator.Control.Return(PatronWorld.Wise, itemId);
        var ended = (await WaitForEventAsync("LoanEnded", loanId)).GetProperty("payload");
        Assert.Equal(memberId, ended.GetProperty("memberId").GetString());
        using var vsmartDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.VSmartIsil));
        Assert.DoesNotContain(loanId, (await GuestLoanSetup.BodyAsync(await vsmartDesk.GetAsync($"/api/v1/guest-loans?homeIsil={PatronWorld.VSmartIsil}"),
            HttpStatusCode.OK)).EnumerateArray().Select(l => l.GetProperty("loanId").GetString()));

        using var admin = world.Client(HubHost.AdminKey);
        var log = await EventPages.ReadAllAsync(admin, "/api/v1/events");
        Assert.Single(OfCopy(log, "LoanStarted", "payload", holdingId));
        Assert.Single(OfCopy(log, "LoanEnded", "payload", holdingId));
    }

    [Fact]
    public async Task A_loan_to_a_guest_account_made_at_the_desk_is_no_loan_but_a_failed_message_until_the_guest_loan_is_recorded()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (_, itemId, barcode, holdingId, card) = await GuestAndCopyAsync(3);
        world.WiseSimulator.Control.CheckOut(PatronWorld.Wise, itemId, GuestAccountPatronId());

        using var admin = world.Client(HubHost.AdminKey);
        var failed = await world.FailedMessageAsync(admin, PatronWorld.Wise, holdingId);
        Assert.EndsWith("UnattributedGuestAccountLoanException", failed.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        var reason = failed.GetProperty("exceptionMessage").GetString()!;
        Assert.Contains(GuestLoanSetup.WiseAccountForVSmart, reason, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/guest-loans", reason, StringComparison.Ordinal);
        Assert.Empty(await world.QueryAsync<string>("SELECT id FROM loans WHERE holding_id = @holdingId", new { holdingId }));
        Assert.Empty(OfCopy(await EventPages.ReadAllAsync(admin, "/api/v1/events"), "LoanStarted", "payload", holdingId));

        // What the message says to do: record the guest loan (Wise answers that the copy is on loan to the account already)
        // and replay the message; Wise's loan then lands on the guest loan.
        var loanId = await LendAsync(barcode, card);
        var replay = await admin.PostAsync($"/api/v1/admin/failed-messages/{failed.GetProperty("id").GetString()}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(loanId, await LendingSystemLoanAsync(holdingId));
        Assert.Single(OfCopy(await EventPages.ReadAllAsync(admin, "/api/v1/events"), "LoanStarted", "payload", holdingId));
    }

    [Fact]
    public async Task A_guest_loan_made_at_the_Wise_desk_with_the_member_s_card_noted_is_the_member_s_guest_loan_and_returns_anywhere()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var (memberId, itemId, barcode, holdingId, card) = await GuestAndCopyAsync(4);
        world.WiseSimulator.Control.CheckOut(PatronWorld.Wise, itemId, GuestAccountPatronId(), guestCardNumber: card);

        var loanId = await LendingSystemLoanAsync(holdingId);
        await AssertDeskGuestLoanAsync(holdingId, loanId, memberId, GuestLoanSetup.WiseAccountForVSmart, PatronWorld.VSmartIsil);

        await ReturnAtBrocadeAsync(barcode, loanId, loanId);
        using var admin = world.Client(HubHost.AdminKey);
        var log = await EventPages.ReadAllAsync(admin, "/api/v1/events");
        Assert.Single(OfCopy(log, "LoanStarted", "payload", holdingId));
        Assert.Equal([loanId], OfCopy(log, "LoanEnded", "payload", holdingId).Select(e => e.GetProperty("payload").GetProperty("loanId").GetString()));
    }

    [Theory]
    [InlineData("Brocade", 5)]
    [InlineData("VSmart", 6)]
    public async Task A_guest_loan_made_at_a_Brocade_or_V_smart_desk_with_the_member_s_card_noted_is_one_guest_loan_of_the_member(string lender, int n)
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var card = $"28882000000{n:D2}";
        var barcode = $"30011000000{n:D2}";
        var installation = VendorPairs.Installation(lender);
        var account = VendorPairs.GuestAccount(lender, PatronWorld.WiseIsil);
        VendorPairs.AddMember(world, "Wise", card, $"Ws-pin-41{n:D2}");
        VendorPairs.EnsureGuestAccount(world, lender, PatronWorld.WiseIsil);
        VendorPairs.AddCopy(world, lender, barcode);
        var memberId = await world.MemberAsync(card);
        var holdingId = await world.CopyAsync(installation, barcode);
        // Ingest knows a guest account by the member record it read (docs/patron-services.md, "the account must be read first").
        await world.MemberAsync(account);

        VendorPairs.LendAtDeskToGuestAccount(world, lender, PatronWorld.WiseIsil, barcode, card);

        var loanId = await LendingSystemLoanAsync(holdingId, installation);
        await AssertDeskGuestLoanAsync(holdingId, loanId, memberId, account, PatronWorld.WiseIsil);
        Assert.Equal([loanId], await world.QueryAsync<string>("SELECT id FROM loans WHERE holding_id = @holdingId", new { holdingId }));
        Assert.Equal([loanId], await world.QueryAsync<string>(
            "SELECT g.loan_id FROM guest_loans g JOIN loans l ON l.id = g.loan_id WHERE l.member_id = @memberId", new { memberId }));
    }

    /// <summary>A V-smart member and a Wise copy of their own for test <paramref name="n"/>, known to the hub.</summary>
    private async Task<(string MemberId, string ItemId, string Barcode, string HoldingId, string Card)> GuestAndCopyAsync(int n)
    {
        var card = $"28882000000{n:D2}";
        var (memberId, _, itemId, barcode) = await GuestLoanSetup.VSmartMemberAndWiseCopyAsync(world, card, $"Vs-pin-41{n:D2}", $"30011000000{n:D2}");
        return (memberId, itemId, barcode, await world.CopyAsync(PatronWorld.Wise, barcode), card);
    }

    private async Task<string> LendAsync(string barcode, string card)
    {
        using var wiseDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.WiseIsil));
        var loan = await GuestLoanSetup.BodyAsync(await wiseDesk.PostAsJsonAsync("/api/v1/guest-loans",
            new { lendingIsil = PatronWorld.WiseIsil, barcode, cardNumber = card }), HttpStatusCode.Created);
        return loan.GetProperty("loanId").GetString()!;
    }

    /// <summary>Waits until the hub has read the lending system's loan of the copy (Wise's unless <paramref name="installation"/>
    /// says otherwise); returns the canonical loan that loan's id maps to.</summary>
    private Task<string> LendingSystemLoanAsync(string holdingId, string installation = PatronWorld.Wise)
        => world.WaitForAsync<string>($"{installation}'s loan of {holdingId} in the id map",
        "SELECT m.canonical_id FROM id_map m JOIN loans l ON l.id = m.canonical_id WHERE m.installation_id = @installation AND m.entity = 'loan' " +
        "AND l.holding_id = @holdingId", new { installation, holdingId });

    /// <summary>Asserts that the lending system's desk loan of the copy, mapped to <paramref name="loanId"/>, is a guest loan of
    /// <paramref name="memberId"/>: one LoanStarted of the copy (the member's), recorded for <paramref name="account"/> and in
    /// the open list of the member's home library.</summary>
    private async Task AssertDeskGuestLoanAsync(string holdingId, string loanId, string memberId, string account, string homeIsil)
    {
        using var admin = world.Client(HubHost.AdminKey);
        var started = Assert.Single(OfCopy(await EventPages.ReadAllAsync(admin, "/api/v1/events"), "LoanStarted", "payload", holdingId)).GetProperty("payload");
        Assert.Equal(loanId, started.GetProperty("loanId").GetString());
        Assert.Equal(memberId, started.GetProperty("memberId").GetString());
        using var homeDesk = world.Client(PatronWorld.LibraryKey(homeIsil));
        var recorded = await GuestLoanSetup.BodyAsync(await homeDesk.GetAsync($"/api/v1/guest-loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal(account, recorded.GetProperty("lendingSystemAccount").GetString());
        Assert.Contains(loanId, (await GuestLoanSetup.BodyAsync(await homeDesk.GetAsync($"/api/v1/guest-loans?homeIsil={homeIsil}"),
            HttpStatusCode.OK)).EnumerateArray().Select(l => l.GetProperty("loanId").GetString()));
    }

    private string GuestAccountPatronId()
        => world.WiseSimulator.Control.ListPatrons(PatronWorld.Wise, "5101", 0, 1000).Single(p => p.CardNumber == GuestLoanSetup.WiseAccountForVSmart).PatronSystemId;

    /// <summary>Returns the copy at a Brocade library (checked in at Wise; the answer names <paramref name="loanId"/> as ended), then
    /// waits until the hub has read Wise's own report of the check-in: the source version of <paramref name="lendingSystemLoan"/>,
    /// the canonical loan Wise's loan maps to, moves on.</summary>
    private async Task ReturnAtBrocadeAsync(string barcode, string loanId, string lendingSystemLoan)
    {
        var versionAtStart = (await world.QueryAsync<long>("SELECT source_version FROM loans WHERE id = @lendingSystemLoan", new { lendingSystemLoan })).Single();
        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        var returned = await GuestLoanSetup.BodyAsync(await brocadeDesk.PostAsJsonAsync("/api/v1/returns", new { barcode, returningIsil = PatronWorld.BrocadeIsil }),
            HttpStatusCode.OK);
        Assert.Equal([loanId], returned.GetProperty("endedLoans").EnumerateArray().Select(e => e.GetString()));
        await world.WaitForAsync<long>($"Wise's check-in of {lendingSystemLoan} read back",
            "SELECT CASE WHEN source_version > @versionAtStart THEN 1 ELSE 0 END FROM loans WHERE id = @lendingSystemLoan", new { versionAtStart, lendingSystemLoan });
    }

    private async Task<JsonElement> WaitForEventAsync(string type, string loanId)
    {
        using var admin = world.Client(HubHost.AdminKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = (await EventPages.ReadAllAsync(admin, "/api/v1/events"))
                .Where(e => e.GetProperty("eventType").GetString() == type && e.GetProperty("payload").GetProperty("loanId").GetString() == loanId).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {type} of {loanId}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Events of <paramref name="type"/> about the copy, from the log (<c>payload</c>) or the DWH feed (<c>data</c>).</summary>
    private static List<JsonElement> OfCopy(List<JsonElement> events, string type, string body, string holdingId)
        => [.. events.Where(e => e.GetProperty("eventType").GetString() == type
            && e.GetProperty(body).TryGetProperty("holdingId", out var h) && h.GetString() == holdingId)];
}

public sealed class SqliteGuestAccountLoansEndToEnd(SqlitePatronWorld world) : GuestAccountLoansEndToEnd<SqlitePatronWorld>(world);

public sealed class PostgresGuestAccountLoansEndToEnd(PostgresPatronWorld world) : GuestAccountLoansEndToEnd<PostgresPatronWorld>(world);
