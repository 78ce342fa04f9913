using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart;

/// <summary>
/// The simulator's control operations for in-process tests; the same operations are served over HTTP under
/// <c>/_sim/</c> (docs/vendors/vsmart.md). They change the simulated system the way library staff would, so every
/// change shows up in OAI-PMH and the web-service feeds exactly as it would in production. Failures throw
/// <see cref="VSmartSimulatorException"/>.
/// </summary>
public sealed class VSmartSimulatorControl
{
    private readonly SimulatorState _state;
    private readonly ChangeTrickle _activity;

    internal VSmartSimulatorControl(SimulatorState state, ChangeTrickle activity)
    {
        _state = state;
        _activity = activity;
    }

    /// <summary>Registers a borrower (generated fields where <paramref name="draft"/> leaves them null); a borrower feed entry.</summary>
    public SimulatedBorrower AddBorrower(string installation, string libraryId, BorrowerDraft? draft = null) => _state.Require(installation).AddBorrower(libraryId, draft);

    /// <summary>Changes a borrower; a borrower feed entry.</summary>
    public SimulatedBorrower UpdateBorrower(string installation, string borrowerId, BorrowerUpdate update) => _state.Require(installation).UpdateBorrower(borrowerId, update);

    /// <summary>Deletes a borrower (refused while they have loans); a <c>verwijdering</c> feed entry.</summary>
    public void DeleteBorrower(string installation, string borrowerId) => _state.Require(installation).DeleteBorrower(borrowerId);

    /// <summary>A borrower with PIN, or null.</summary>
    public SimulatedBorrower? FindBorrower(string installation, string borrowerId) => _state.Require(installation).ShowBorrower(borrowerId);

    /// <summary>Borrowers of a library in id order, with their PINs (for trying the sandbox by hand).</summary>
    public IReadOnlyList<SimulatedBorrower> ListBorrowers(string installation, string libraryId, int offset = 0, int limit = 20)
        => _state.Require(installation).ListBorrowers(libraryId, offset, limit);

    /// <summary>Adds a copy (to a new title record unless <see cref="CopyDraft.TitleNumber"/> names one); the record changes in OAI-PMH.</summary>
    public SimulatedCopy AddCopy(string installation, string libraryId, CopyDraft? draft = null) => _state.Require(installation).AddCopy(libraryId, draft);

    /// <summary>Withdraws a copy: it stays in its record with status WD (refused while on loan).</summary>
    public SimulatedCopy WithdrawCopy(string installation, string itemId) => _state.Require(installation).WithdrawCopy(itemId);

    /// <summary>Sets a copy's status code (e.g. <c>MI</c> missing, <c>IT</c> in transit) — any code, mapped or not.</summary>
    public SimulatedCopy SetCopyStatus(string installation, string itemId, string status) => _state.Require(installation).SetCopyStatus(itemId, status);

    /// <summary>A copy, or null.</summary>
    public SimulatedCopy? FindCopy(string installation, string itemId) => _state.Require(installation).ShowCopy(itemId);

    /// <summary>The copies in the collection (not withdrawn, not temporary), what the hub's live holdings should equal.</summary>
    public IReadOnlyList<SimulatedCopy> CollectionCopies(string installation) => _state.Require(installation).CollectionCopies();

    /// <summary>Catalogues a title without copies; returns its title number.</summary>
    public string AddTitle(string installation, string? title = null) => _state.Require(installation).AddTitle(title);

    /// <summary>Deletes a title that never had copies: a deleted record in OAI-PMH (deletedRecord=persistent).</summary>
    public void DeleteTitle(string installation, string titleNumber) => _state.Require(installation).DeleteTitle(titleNumber);

    /// <summary>The open requests (cancelled ones are removed, as V-smart does), oldest first.</summary>
    public IReadOnlyList<SimulatedRequest> Requests(string installation) => _state.Require(installation).ListRequests();

    /// <summary>Lends a copy at the desk. To a guest account (a library's account for members of another library) the desk
    /// notes the card of the member it lends to as <paramref name="guestCardNumber"/>; the loan web service carries it.</summary>
    public SimulatedLoan CheckOut(string installation, string itemId, string borrowerId, string? guestCardNumber = null)
        => _state.Require(installation).CheckOutByControl(itemId, borrowerId, guestCardNumber);

    /// <summary>Brings in a loan as a data migration from another system does: lent at <paramref name="lentAt"/>, due
    /// <paramref name="dueDate"/>, no circulation checks. For re-homing a library (Consolidation).</summary>
    public SimulatedLoan MigrateLoan(string installation, string itemId, string borrowerId, DateTimeOffset lentAt, DateOnly dueDate, int renewals = 0)
        => _state.Require(installation).MigrateLoanByControl(itemId, borrowerId, lentAt, dueDate, renewals);

    /// <summary>Takes a copy back at the desk.</summary>
    public SimulatedLoan Return(string installation, string itemId) => _state.Require(installation).ReturnByControl(itemId);

    /// <summary>The desk of library <paramref name="libraryId"/> scans a barcode at check-in: its own copy is taken back (the
    /// loan, or null when it was not on loan); a barcode it does not know is a copy of another library system, which V-smart
    /// notes in the loan web service as <c>inname-vreemd</c> with a <c>vreemdExemplaar</c> record (docs/vendors/vsmart.md).</summary>
    public SimulatedLoan? TakeInAtDesk(string installation, string libraryId, string barcode) => _state.Require(installation).TakeInAtDesk(libraryId, barcode);

    /// <summary>Produces exactly <paramref name="count"/> changes over the feeds (≈10% borrowers, 45% records, 45% loans).</summary>
    public GeneratedChanges Generate(string installation, int count, string? libraryId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _state.Require(installation).Generate(count, libraryId);
    }

    /// <summary>Catalogues <paramref name="count"/> new records with 1 to <paramref name="maxCopiesPerRecord"/> copies each
    /// (the harvest benchmark uses 100,000).</summary>
    public GeneratedRecords GenerateRecords(string installation, int count, string? libraryId = null, int maxCopiesPerRecord = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCopiesPerRecord, 1);
        return _state.Require(installation).GenerateRecords(count, libraryId, maxCopiesPerRecord);
    }

    /// <summary>From now on, new loan feed entries carry <paramref name="code"/> as their status (e.g. an unmapped
    /// <c>VM</c>); null stops it. For the failed-message journey and the mapping tests.</summary>
    public void EmitLoanStatus(string installation, string? code) => _state.Require(installation).EmittedLoanStatus = code;

    /// <summary>Background changes per second over all installations (0: off).</summary>
    public double BackgroundChangesPerSecond
    {
        get => _activity.ChangesPerSecond;
        set => _activity.ChangesPerSecond = value;
    }

    /// <summary>Counts for an installation.</summary>
    public SimulatorStatistics Statistics(string installation) => _state.Require(installation).Statistics();
}
