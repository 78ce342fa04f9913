using System.Text.Json;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Ibl;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation.Support;

/// <summary>
/// An interlibrary loan request in flight across Lindendal's move in a <see cref="MoveWorld"/>: a member of Lindendal
/// borrows a title from Rivierenzand (V-smart). <see cref="ShipAsync"/> takes it, while Lindendal is on Wise, to the
/// lender having shipped (the member validated at Wise); <see cref="CompleteAsync"/>, after the cut-over, runs the
/// borrower's half — temporary copy, the member's loan, its return, the copy's removal — which MUST go to V-smart under
/// the member's V-smart id, and the lender's check-in, to <c>LoanCompleted</c>. The world needs <c>Ibl:OutboxSweep</c>
/// short (<see cref="Settings"/>).
/// </summary>
public sealed class IblRequestAcrossMove
{
    private static readonly string[] BorrowerSteps = ["CreateTemporaryItem", "BorrowerCheckOut", "BorrowerCheckIn", "DeleteTemporaryItem"];

    private readonly MoveWorld _world;
    private readonly SimulatedCopy _lenderCopy;

    private IblRequestAcrossMove(MoveWorld world, string id, string memberId, SimulatedCopy lenderCopy, IReadOnlyList<string> atLender)
    {
        _world = world;
        Id = id;
        MemberId = memberId;
        _lenderCopy = lenderCopy;
        AtLender = atLender;
    }

    /// <summary>What the world's hub needs for a request to move on promptly.</summary>
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Ibl:OutboxSweep"] = "00:00:01" };

    /// <summary>The request's id.</summary>
    public string Id { get; }

    /// <summary>The canonical id of the borrowing member.</summary>
    public string MemberId { get; }

    /// <summary>The canonical ids of what the request brought into the hub through V-smart before the move: Rivierenzand's
    /// institutional patron for Lindendal, the lender's copy, and the lender's loan of it to that patron.</summary>
    public IReadOnlyList<string> AtLender { get; }

    /// <summary>Places the request for <paramref name="memberId"/> (a member of Lindendal, on Wise) and takes it to
    /// <c>Loaned</c>: validated at Wise, the lender holds, lends and ships; returns once the lender's loan is in the hub.</summary>
    public static async Task<IblRequestAcrossMove> ShipAsync(MoveWorld world, string memberId)
    {
        var vsmart = world.VSmartControl;
        var institutional = vsmart.AddBorrower(VSmart, Rivierenzand, new BorrowerDraft { CardNumber = $"IBL-{RivierenzandIsil}-{LindendalIsil}", Status = "OK" });
        var isbn = TestIsbn.Next();
        var copy = vsmart.AddCopy(VSmart, Rivierenzand, new CopyDraft { Isbn = isbn, Title = "Het boek van de leenketen", Author = "A. Jansen", MaterialCode = "BK", Status = "AV", Policy = "IBL" });
        await world.WaitForAsync($"copy {copy.Barcode} lendable in the hub", "SELECT COUNT(*) FROM holdings WHERE barcode = @barcode AND status = 'Available' AND ibl_lendable = @yes",
            new { barcode = copy.Barcode, yes = true }, n => n == 1);

        var id = await world.PlaceAsync(LindendalIsil, memberId, isbn, key: null);
        var sent = await world.WaitForStateAsync(id, "SentToSupplier");
        Assert.Equal(RivierenzandIsil, sent.GetProperty("lender").GetProperty("agency").GetString());
        Assert.Equal("Done", IblScenario.Step(sent, "ValidatePatron")?.GetProperty("status").GetString());
        Assert.Equal(Wise, await world.ScalarAsync<string>("SELECT installation_id FROM members WHERE id = @memberId", new { memberId }));
        await world.ActAsync(id, null, new { action = "WillSupply" });
        await world.ActAsync(id, null, new { action = "Shipped" });
        var loaned = await world.WaitForStepAsync(id, "Loaned", "LenderCheckOut", "Done");
        Assert.Null(IblScenario.Step(loaned, "CreateTemporaryItem"));
        // The checkout adds a step that takes V-smart's helper hold back; wait for it, so the request is at rest when the
        // caller takes its picture of it (a CI run on a loaded machine caught it still Pending).
        await world.WaitForStepAsync(id, "Loaned", "CancelLenderHold", "Done");

        var patron = await world.ArrivedAsync(VSmart, "member", institutional.BorrowerId);
        var holding = await world.ArrivedAsync(VSmart, "holding", copy.ItemId);
        const string lenderLoan = "FROM loans WHERE holding_id = @holding AND member_id = @patron AND ended_at IS NULL";
        await world.WaitForAsync($"Rivierenzand's loan of {copy.Barcode} to Lindendal", "SELECT COUNT(*) " + lenderLoan, new { holding, patron }, n => n == 1);
        var loan = await world.ScalarAsync<string>("SELECT id " + lenderLoan, new { holding, patron });
        return new IblRequestAcrossMove(world, id, memberId, copy, [patron, holding, loan]);
    }

    /// <summary>The request as the administrator sees it.</summary>
    public Task<JsonElement> ViewAsync() => ((IIblHub)_world).GetAsync(Id);

    /// <summary>After the cut-over: the borrower receives and returns the copy, the lender checks it in. Asserts that
    /// every borrower step went to V-smart in Lindendal's V-smart library, once, and that the member's loan came and
    /// ended through V-smart's feed for <paramref name="movedBorrowerId"/> under the unchanged canonical member.
    /// Returns the completed request.</summary>
    public async Task<JsonElement> CompleteAsync(string movedBorrowerId)
    {
        var vsmart = _world.VSmartControl;
        await _world.ActAsync(Id, null, new { action = "Received" });
        var received = await _world.WaitForStepAsync(Id, "Received", "BorrowerCheckOut", "Done");
        var temporaryId = await _world.ScalarAsync<string>("SELECT temp_item_id FROM ibl_requests WHERE id = @Id", new { Id });
        Assert.False(string.IsNullOrEmpty(temporaryId), $"no temporary copy recorded: {IblScenario.Describe(received)}");
        var temporary = vsmart.FindCopy(VSmart, temporaryId);
        Assert.True(temporary is { Temporary: true, Withdrawn: false } && temporary.LibraryId == MigratedLindendal,
            $"V-smart has no temporary copy {temporaryId} of Lindendal: {temporary}");
        // Lender and borrower now share V-smart: the temporary copy carries the prefixed barcode (IblCommandBuilder.TemporaryBarcode).
        Assert.Equal("IBL-" + _lenderCopy.Barcode, temporary!.Barcode);

        // The member's loan of the temporary copy comes in through V-smart's feed, for V-smart's borrower id, under the unchanged canonical member.
        const string memberLoan = "FROM loans l JOIN id_map i ON i.canonical_id = l.id AND i.entity = 'loan' AND i.installation_id = @VSmart " +
            "JOIN id_map h ON h.canonical_id = l.holding_id AND h.entity = 'holding' AND h.installation_id = @VSmart AND h.local_id = @temporaryId " +
            "WHERE l.member_id = @MemberId AND l.installation_id = @VSmart";
        var parameters = new { MemberId, VSmart, temporaryId };
        await _world.WaitForAsync("the member's loan of the temporary copy through V-smart", $"SELECT COUNT(*) {memberLoan} AND l.ended_at IS NULL", parameters, n => n == 1);
        Assert.Equal(MemberId, await _world.CanonicalIdAsync(VSmart, "member", movedBorrowerId));

        await _world.ActAsync(Id, null, new { action = "ShippedReturn" });
        await _world.WaitForStepAsync(Id, "ShippedReturn", "DeleteTemporaryItem", "Done");
        await _world.WaitForAsync("the end of the member's loan through V-smart", $"SELECT COUNT(*) {memberLoan} AND l.ended_at IS NOT NULL", parameters, n => n == 1);
        Assert.True(vsmart.FindCopy(VSmart, temporaryId) is null or { Withdrawn: true }, $"V-smart still has the temporary copy: {vsmart.FindCopy(VSmart, temporaryId)}");

        await _world.ActAsync(Id, null, new { action = "CheckedIn" });
        var done = await _world.WaitForStateAsync(Id, "LoanCompleted");
        Assert.Equal(["New", "Validated", "Sourcing", "SentToSupplier", "WillSupply", "Loaned", "Received", "ShippedReturn", "LoanCompleted"], IblScenario.States(done));
        Assert.Equal(MemberId, done.GetProperty("memberId").GetString());
        // Every borrower step after the cut-over ran once and succeeded: none lost, none repeated.
        foreach (var kind in BorrowerSteps)
            Assert.Single(done.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == kind && s.GetProperty("status").GetString() == "Done");
        await _world.WaitForAsync("the lender's copy back on the shelf", "SELECT COUNT(*) FROM holdings WHERE barcode = @Barcode AND status = 'Available'",
            new { _lenderCopy.Barcode }, n => n == 1);
        return done;
    }
}
