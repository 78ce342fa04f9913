using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>
/// Return anywhere, reported by the returning library's own system (issue 13 item 3): the desk of a Wise, V-smart or Brocade
/// library scans a barcode its system does not know, the system notes it (Wise <c>INNAME_VREEMD</c> and V-smart
/// <c>inname-vreemd</c> in the loan feed, Brocade the <c>INNAMES_VREEMD</c> export), and the hub returns the copy at its owner
/// the way <c>POST /api/v1/returns</c> does. A report the hub cannot act on is a failed message with the reason.
/// </summary>
public abstract class DeskReturnsEndToEnd<TWorld>(TWorld world) : IClassFixture<TWorld> where TWorld : PatronWorld
{
    [Theory]
    [InlineData("Brocade", "VSmart", "Wise", 1)]
    [InlineData("Brocade", "Wise", "VSmart", 2)]
    [InlineData("Wise", "VSmart", "Brocade", 3)]
    public async Task A_guest_loan_taken_in_at_the_desk_of_another_system_is_checked_in_at_the_owner_ended_once_and_in_transit_home(
        string lender, string home, string desk, int n)
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        var barcode = $"30880000000{n:D2}";
        var (memberId, loan, status, onShelf) = await VendorPairs.GuestLoanAsync(world, lender, home, $"26661000000{n:D2}", $"Desk-pin-{n}", barcode);
        var loanId = loan.GetProperty("loanId").GetString()!;
        var owner = VendorPairs.Installation(lender);
        var holdingId = await world.CopyAsync(owner, barcode);
        Assert.NotEqual(onShelf, status());
        // The owner reports its loan to the guest account too; read before the return, so its report of the check-in comes after.
        var versionAtStart = await world.WaitForAsync<long>($"{lender}'s loan of {holdingId} read",
            "SELECT l.source_version FROM id_map m JOIN loans l ON l.id = m.canonical_id WHERE m.installation_id = @installation AND m.entity = 'loan' " +
            "AND l.holding_id = @holdingId", new { installation = owner, holdingId });

        Assert.Null(VendorPairs.TakeInAtDesk(world, desk, barcode));

        using var ownerDesk = world.Client(PatronWorld.LibraryKey(VendorPairs.Isil(lender)));
        var transit = await InTransitAsync(ownerDesk, VendorPairs.Isil(lender), holdingId);
        Assert.Equal(VendorPairs.Isil(desk), transit.GetProperty("returningIsil").GetString());
        Assert.Equal("CheckedIn", transit.GetProperty("ownerCheckIn").GetString());
        Assert.Equal(onShelf, status());
        await world.WaitForAsync<long>($"{lender}'s check-in of {loanId} read back",
            "SELECT CASE WHEN source_version > @versionAtStart THEN 1 ELSE 0 END FROM loans WHERE id = @loanId", new { versionAtStart, loanId });
        var ended = await LoanEndedAsync(loanId);
        Assert.Equal(memberId, Assert.Single(ended).GetProperty("payload").GetProperty("memberId").GetString());

        // The owner confirms receipt; the same report handled again (a re-read page) returns nothing a second time.
        var returnId = transit.GetProperty("id").GetString()!;
        await GuestLoanSetup.BodyAsync(await ownerDesk.PostAsync($"/api/v1/returns/{returnId}/receipt", null), HttpStatusCode.OK);
        var report = (await world.QueryAsync<string>("SELECT source_event_id FROM foreign_returns WHERE holding_id = @holdingId", new { holdingId })).Single();
        await world.Hub.Services.GetRequiredService<IForeignCopyReturns>().ReturnAsync(VendorPairs.Installation(desk), new ForeignCopyReturned
        {
            LocalId = "again", SourceEventId = report, SourceVersion = 1, OccurredAt = DateTimeOffset.UtcNow, Barcode = barcode,
            ReturningIsil = Isil.Parse(VendorPairs.Isil(desk)),
        }, null, CancellationToken.None);
        Assert.Equal(["Received"], await world.QueryAsync<string>("SELECT state FROM copy_returns WHERE holding_id = @holdingId", new { holdingId }));
        Assert.Single(await LoanEndedAsync(loanId));
    }

    [Fact]
    public async Task A_barcode_no_library_system_knows_taken_in_at_a_Wise_desk_is_a_failed_message_naming_it()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        const string barcode = "3088000000099";
        Assert.Null(VendorPairs.TakeInAtDesk(world, "Wise", barcode));

        using var admin = world.Client(HubHost.AdminKey);
        var failed = await world.FailedMessageAsync(admin, PatronWorld.Wise, barcode);
        Assert.EndsWith("ForeignReturnException", failed.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        var reason = failed.GetProperty("exceptionMessage").GetString()!;
        Assert.Contains("No copy with barcode", reason, StringComparison.Ordinal);
        Assert.Contains(PatronWorld.WiseIsil, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_owner_s_system_is_down_A_copy_taken_in_at_a_Wise_desk_is_retried_and_returned_once_it_is_back()
    {
        TestBackends.SkipUnlessAvailable(world.Backend);
        const string barcode = "3088000000010";
        VendorPairs.AddCopy(world, "Brocade", barcode);
        var holdingId = await world.CopyAsync(PatronWorld.Brocade, barcode);
        // Every answer breaks off: a connection the adapter holds already fails too, not only new ones.
        world.BrocadeSimulator.Control.InjectSipFault(Sip2Fault.DropMidMessage);
        try
        {
            Assert.Null(VendorPairs.TakeInAtDesk(world, "Wise", barcode));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!(await world.LogTextAsync()).Split('\n').Any(l => l.Contains($"Copy '{barcode}'", StringComparison.Ordinal) && (l.Contains("is unavailable", StringComparison.Ordinal) || l.Contains("did not confirm", StringComparison.Ordinal))))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for the first try of {barcode} to fail.");
                await Task.Delay(200);
            }
        }
        finally
        {
            world.BrocadeSimulator.Control.InjectSipFault(Sip2Fault.None);
        }

        using var brocadeDesk = world.Client(PatronWorld.LibraryKey(PatronWorld.BrocadeIsil));
        var transit = await InTransitAsync(brocadeDesk, PatronWorld.BrocadeIsil, holdingId);
        Assert.Equal("AlreadyCheckedIn", transit.GetProperty("ownerCheckIn").GetString());
        using var admin = world.Client(HubHost.AdminKey);
        var failed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages?installation={PatronWorld.Wise}&pageSize=500");
        Assert.DoesNotContain(failed.GetProperty("items").EnumerateArray(),
            m => m.GetProperty("exceptionMessage").GetString()?.Contains(barcode, StringComparison.Ordinal) == true);
    }

    /// <summary>Waits until the owner's worklist (<c>GET /api/v1/returns?owningIsil=</c>) shows the copy in transit.</summary>
    private static async Task<JsonElement> InTransitAsync(HttpClient ownerDesk, string owningIsil, string holdingId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var list = await GuestLoanSetup.BodyAsync(await ownerDesk.GetAsync($"/api/v1/returns?owningIsil={owningIsil}"), HttpStatusCode.OK);
            var found = list.EnumerateArray().Where(r => r.GetProperty("holdingId").GetString() == holdingId).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {holdingId} on the transit worklist: {list}");
            await Task.Delay(200);
        }
    }

    private async Task<List<JsonElement>> LoanEndedAsync(string loanId)
    {
        using var admin = world.Client(HubHost.AdminKey);
        return [.. (await EventPages.ReadAllAsync(admin, "/api/v1/events"))
            .Where(e => e.GetProperty("eventType").GetString() == "LoanEnded" && e.GetProperty("payload").GetProperty("loanId").GetString() == loanId)];
    }
}

public sealed class SqliteDeskReturnsEndToEnd(SqlitePatronWorld world) : DeskReturnsEndToEnd<SqlitePatronWorld>(world);

public sealed class PostgresDeskReturnsEndToEnd(PostgresPatronWorld world) : DeskReturnsEndToEnd<PostgresPatronWorld>(world);
