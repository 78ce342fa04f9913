using System.Text.Json;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// One request through its whole life between a borrower and a lender, done the way the libraries do it: the
/// lender's staff answer and ship over the API, the borrower's staff receive and return, staff do by hand what a
/// library system cannot (Brocade's temporary copies), and the loan reaches the hub through the borrower's own feed.
/// </summary>
public static class IblJourney
{
    /// <summary>Runs the journey; returns the request's final view.</summary>
    public static async Task<JsonElement> RunAsync(IblWorld world, string borrower, string lender)
    {
        var pair = $"{world.Libraries[borrower].Vendor} {borrower} → {world.Libraries[lender].Vendor} {lender}";
        var borrowerKey = IblWorld.LibraryKey(borrower);
        var lenderKey = IblWorld.LibraryKey(lender);
        var isbn = IblScenario.NewIsbn();
        var barcode = await world.AddCopyAsync(lender, isbn);
        var (member, card) = await world.AddMemberAsync(borrower);

        var id = await world.PlaceAsync(borrower, member, isbn);
        var sent = await world.WaitForStateAsync(id, "SentToSupplier");
        Assert.True(sent.GetProperty("lender").GetProperty("agency").GetString()![..9] == lender[..9], $"{pair}: the request went to {sent.GetProperty("lender")}");
        IblPrivacy.AssertLenderHoldIsForInstitutionalPatron(world, lender, borrower, barcode, card);
        var lenderView = await world.GetAsync(id, lenderKey);
        Assert.False(lenderView.TryGetProperty("memberId", out _), $"{pair}: the lender sees the member id");
        Assert.StartsWith("ibl-patron-", lenderView.GetProperty("patronPseudonym").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(card, lenderView.GetRawText(), StringComparison.Ordinal);

        await world.ActAsync(id, lenderKey, new { action = "WillSupply" });
        await world.ActAsync(id, lenderKey, new { action = "Shipped" });
        var loaned = await world.WaitForStepAsync(id, "Loaned", "LenderCheckOut", "Done");
        Assert.True(loaned.TryGetProperty("dueAt", out _), $"{pair}: no due date after the lender's check-out: {IblScenario.Describe(loaned)}");

        await world.ActAsync(id, borrowerKey, new { action = "Received" });
        if (world.Libraries[borrower].Vendor == "Brocade")
        {
            // SIP2 cannot make copies: staff create the temporary copy in Brocade by hand, then say so.
            var manual = await world.WaitForStepAsync(id, "Received", "CreateTemporaryItem", "Manual");
            world.Brocade.Control.AddCopy(new Simulators.Brocade.Control.CopyDraft
            {
                LibraryCode = world.Libraries[borrower].LibraryId, Barcode = barcode, Title = "Het boek van de leenketen", Material = "BK", Status = "A", LendableForIbl = false,
            });
            await world.ActAsync(id, borrowerKey, new { action = "ManualStepDone", stepId = IblScenario.Step(manual, "CreateTemporaryItem")!.Value.GetProperty("stepId").GetString() });
        }
        await world.WaitForStepAsync(id, "Received", "BorrowerCheckOut", "Done");
        var loan = await world.WaitForAsync<string>($"{pair}: the member's canonical loan at {borrower}",
            // V-smart keeps its temporary ILL copies out of OAI-PMH, so their loans name a copy the holdings index never had.
            "SELECT l.id FROM loans l LEFT JOIN holdings h ON h.id = l.holding_id WHERE l.member_id = @member AND l.ended_at IS NULL AND (h.barcode LIKE @barcode OR h.id IS NULL)",
            new { member, barcode = "%" + barcode });
        await world.WaitForAsync<string>($"{pair}: LoanStarted of {loan} in the log", "SELECT event_id FROM event_log WHERE subject_id = @loan AND event_type = 'LoanStarted'", new { loan });

        await world.ActAsync(id, borrowerKey, new { action = "ShippedReturn" });
        await world.WaitForStepAsync(id, "ShippedReturn", "BorrowerCheckIn", "Done");
        if (world.Libraries[borrower].Vendor == "Brocade")
        {
            var manual = await world.WaitForStepAsync(id, "ShippedReturn", "DeleteTemporaryItem", "Manual");
            await world.ActAsync(id, borrowerKey, new { action = "ManualStepDone", stepId = IblScenario.Step(manual, "DeleteTemporaryItem")!.Value.GetProperty("stepId").GetString() });
        }
        else
        {
            await world.WaitForStepAsync(id, "ShippedReturn", "DeleteTemporaryItem", "Done");
        }
        await world.WaitForAsync<string>($"{pair}: the end of the member's loan", "SELECT ended_at FROM loans WHERE id = @loan", new { loan });

        await world.ActAsync(id, lenderKey, new { action = "CheckedIn" });
        var done = await world.WaitForStateAsync(id, "LoanCompleted");
        var states = IblScenario.States(done);
        Assert.True(states.SequenceEqual(["New", "Validated", "Sourcing", "SentToSupplier", "WillSupply", "Loaned", "Received", "ShippedReturn", "LoanCompleted"]),
            $"{pair}: states {string.Join(" → ", states)}");
        Assert.All(done.GetProperty("history").EnumerateArray(), h => Assert.False(string.IsNullOrEmpty(h.GetProperty("actor").GetString())));
        await world.WaitForAsync<string>($"{pair}: the lender's copy back on the shelf", "SELECT id FROM holdings WHERE barcode = @barcode AND status = 'Available'", new { barcode });
        return done;
    }
}
