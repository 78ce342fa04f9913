using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.Wise.State;

namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// The simulator's control operations for in-process tests; the same operations are served over HTTP under
/// <c>/_sim/</c> (docs/vendors/wise.md). They change the simulated system the way library staff would, so every
/// change shows up in the Wise feeds exactly as it would in production. Failures throw <see cref="WiseSimulatorException"/>.
/// </summary>
public sealed class WiseSimulatorControl
{
    private readonly SimulatorState _state;
    private readonly ChangeTrickle _activity;

    internal WiseSimulatorControl(SimulatorState state, ChangeTrickle activity)
    {
        _state = state;
        _activity = activity;
    }

    /// <summary>Registers a patron (generated fields where <paramref name="draft"/> leaves them null).</summary>
    public SimulatedPatron AddPatron(string installation, string libraryId, PatronDraft? draft = null) => _state.Require(installation).AddPatron(libraryId, draft);

    /// <summary>Changes a patron; it appears again in <c>updatedpatron</c>.</summary>
    public SimulatedPatron UpdatePatron(string installation, string patronSystemId, PatronUpdate update) => _state.Require(installation).UpdatePatron(patronSystemId, update);

    /// <summary>Deletes a patron (refused while they have loans); it appears in <c>deletedpatron</c>.</summary>
    public void DeletePatron(string installation, string patronSystemId) => _state.Require(installation).DeletePatron(patronSystemId);

    /// <summary>A patron with PIN, or null.</summary>
    public SimulatedPatron? FindPatron(string installation, string patronSystemId) => _state.Require(installation).ShowPatron(patronSystemId);

    /// <summary>Patrons of a library in id order, with their PINs (for trying the sandbox by hand).</summary>
    public IReadOnlyList<SimulatedPatron> ListPatrons(string installation, string libraryId, int offset = 0, int limit = 20)
        => _state.Require(installation).ListPatrons(libraryId, offset, limit);

    /// <summary>The direct identifiers of every patron of the installation (names, card, birth date, address, e-mail,
    /// phone), in id order: what must never leave the hub unpseudonymised.</summary>
    public IReadOnlyList<PatronPersonalData> PersonalData(string installation) => _state.Require(installation).PersonalData();

    /// <summary>Adds a copy; it appears in the item feed as NIEUW.</summary>
    public SimulatedCopy AddItem(string installation, string libraryId, ItemDraft? draft = null) => _state.Require(installation).AddItem(libraryId, draft);

    /// <summary>Withdraws a copy (status AFG, mutation AFVOER); refused while it is on loan.</summary>
    public SimulatedCopy WithdrawItem(string installation, string itemId) => _state.Require(installation).WithdrawItem(itemId);

    /// <summary>A copy, or null.</summary>
    public SimulatedCopy? FindItem(string installation, string itemId) => _state.Require(installation).ShowItem(itemId);

    /// <summary>Every hold of an installation (open and cancelled).</summary>
    public IReadOnlyList<SimulatedHold> Holds(string installation) => _state.Require(installation).ListHolds();

    /// <summary>Lends a copy at the desk. To a guest account (a library's account for members of another library) the desk
    /// notes the card of the member it lends to as <paramref name="guestCardNumber"/>.</summary>
    public SimulatedLoan CheckOut(string installation, string itemId, string patronSystemId, string? guestCardNumber = null)
        => _state.Require(installation).CheckOutByControl(itemId, patronSystemId, guestCardNumber);

    /// <summary>Takes a copy back at the desk.</summary>
    public SimulatedLoan Return(string installation, string itemId) => _state.Require(installation).ReturnByControl(itemId);

    /// <summary>The desk of library <paramref name="libraryId"/> scans a barcode at check-in: its own copy is taken back (the
    /// loan, or null when it was not on loan); a barcode it does not know is a copy of another library system, which Wise
    /// notes in the loan feed as <c>INNAME_VREEMD</c> with a <c>vreemdExemplaar</c> record (docs/vendors/wise.md).</summary>
    public SimulatedLoan? TakeInAtDesk(string installation, string libraryId, string barcode) => _state.Require(installation).TakeInAtDesk(libraryId, barcode);

    /// <summary>Renews a loan at the desk (the same rules as the renewal endpoint: at most three, not when reserved).</summary>
    public SimulatedLoan Renew(string installation, string itemId) => _state.Require(installation).RenewByControl(itemId);

    /// <summary>Produces exactly <paramref name="count"/> changes (about 10% patrons, 45% items, 45% loans), in one
    /// library or spread over all.</summary>
    public GeneratedChanges Generate(string installation, int count, string? libraryId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _state.Require(installation).Generate(count, libraryId);
    }

    /// <summary>From now on, new loan mutations carry <paramref name="code"/> as their status (e.g. an unmapped "VERM");
    /// null stops it. For the failed-message journey.</summary>
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
