using Lsb.Hub.Simulators.Common;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.Exports;
using Lsb.Hub.Simulators.Brocade.Sip2;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade;

/// <summary>
/// The simulator's control operations, for in-process tests, the sandbox and the benchmark. They change the simulated
/// system the way library staff would; the changes reach the hub only the way real ones do, through the exports (and
/// SIP2 answers). Refusals throw <see cref="BrocadeSimulatorException"/>.
/// </summary>
public sealed class BrocadeSimulatorControl
{
    private readonly InstallationState _state;
    private readonly ExportWriter _exports;
    private readonly ChangeTrickle _activity;
    private readonly Sip2Server _server;
    private readonly BrocadeSimulatorOptions _options;
    private readonly string _folder;

    internal BrocadeSimulatorControl(InstallationState state, ExportWriter exports, ChangeTrickle activity, Sip2Server server,
        BrocadeSimulatorOptions options, string folder)
    {
        _state = state;
        _exports = exports;
        _activity = activity;
        _server = server;
        _options = options;
        _folder = folder;
    }

    /// <summary>Registers a member (generated fields where <paramref name="draft"/> leaves them null).</summary>
    public SimulatedMember AddMember(MemberDraft? draft = null) => _state.AddMember(draft);

    /// <summary>Changes a member.</summary>
    public SimulatedMember UpdateMember(string memberNumber, MemberUpdate update) => _state.UpdateMember(memberNumber, update);

    /// <summary>Deletes a member (refused while they have loans); a delta reports it with mutation V.</summary>
    public void DeleteMember(string memberNumber) => _state.DeleteMember(memberNumber);

    /// <summary>A member with PIN, or null.</summary>
    public SimulatedMember? FindMember(string memberNumber) => _state.FindMemberShown(memberNumber);

    /// <summary>Members in number order (for trying the sandbox by hand).</summary>
    public IReadOnlyList<SimulatedMember> ListMembers(int offset = 0, int limit = 20) => _state.ListMembers(offset, limit);

    /// <summary>Adds a copy.</summary>
    public SimulatedCopy AddCopy(CopyDraft? draft = null) => _state.AddCopy(draft);

    /// <summary>Withdraws a copy (refused while on loan); a delta reports it with leader/05 <c>d</c>, a full export leaves it out.</summary>
    public SimulatedCopy WithdrawCopy(string copyNumber) => _state.WithdrawCopy(copyNumber);

    /// <summary>Sets a copy's status code (A, T, R, V, N, B).</summary>
    public SimulatedCopy SetCopyStatus(string copyNumber, string status) => _state.SetCopyStatus(copyNumber, status);

    /// <summary>A copy, or null.</summary>
    public SimulatedCopy? FindCopy(string copyNumber) => _state.FindCopyShown(copyNumber);

    /// <summary>Every hold (open, cancelled and fulfilled).</summary>
    public IReadOnlyList<SimulatedHold> Holds() => _state.ListHolds();

    /// <summary>Lends a copy at the desk. To a guest account (a library's account for members of another library) the desk
    /// notes the card of the member it lends to as <paramref name="guestCardNumber"/>; the loan export carries it.</summary>
    public SimulatedLoan Lend(string copyNumber, string memberNumber, string? guestCardNumber = null)
        => _state.CheckOutByControl(copyNumber, memberNumber, guestCardNumber);

    /// <summary>Takes a copy back at the desk.</summary>
    public SimulatedLoan Return(string copyNumber) => _state.ReturnByControl(copyNumber);

    /// <summary>The desk of library <paramref name="libraryCode"/> scans a barcode at check-in: a copy the installation knows is
    /// taken back (the loan, or null when it was not on loan); a barcode it does not know is a copy of another library system,
    /// which Brocade notes in the foreign take-in export <c>INNAMES_VREEMD</c> of the next runs (docs/vendors/brocade.md).</summary>
    public SimulatedLoan? TakeInAtDesk(string libraryCode, string barcode) => _state.TakeInAtDesk(libraryCode, barcode);

    /// <summary>Produces about <paramref name="count"/> changes (members, copies, loans, returns).</summary>
    public void Generate(int count) => _state.Generate(count);

    /// <summary>From now on, exported loans carry <paramref name="code"/> as their status (e.g. an unmapped "VERM"); null stops it.</summary>
    public void EmitLoanStatus(string? code) => _state.EmittedLoanStatus = code;

    /// <summary>Writes an export run now.</summary>
    public ExportRun ExportNow(ExportKind kind, ExportWriteMode mode = ExportWriteMode.Safe) => _exports.Write(kind, mode);

    /// <summary>Finishes the runs written half (<see cref="ExportWriteMode.HalfWritten"/>); returns how many files were completed.</summary>
    public int CompletePendingExports() => _exports.CompletePending();

    /// <summary>
    /// Writes a large full holdings export of <paramref name="count"/> synthetic copies to <paramref name="folder"/>
    /// (default: the export folder), without holding them in memory. <paramref name="night"/> 0 is the first night;
    /// later nights change <paramref name="changedShare"/> of the copies. For the snapshot-diff benchmark.
    /// </summary>
    public ExportRun WriteSyntheticHoldingsExport(int count, int night, double changedShare = 0.01, bool shuffled = false, string? folder = null, int? number = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(night);
        var createdAt = _options.SeedTime.AddDays(night + 1);
        return SyntheticHoldings.Write(folder ?? _folder, number ?? 900_000 + night, createdAt, count, night, changedShare, shuffled,
            _options.HoldingsCharacterSet, _options.ExportKey);
    }

    /// <summary>Injects a SIP2 fault into the next <paramref name="times"/> answers (default: until cleared with <see cref="Sip2Fault.None"/>).</summary>
    public void InjectSipFault(Sip2Fault fault, int times = int.MaxValue) => _server.Faults.Set(fault, times);

    /// <summary>Background changes per second (0: off).</summary>
    public double BackgroundChangesPerSecond
    {
        get => _activity.ChangesPerSecond;
        set => _activity.ChangesPerSecond = value;
    }

    /// <summary>How long the SIP2 server waits before each answer (a slow or busy server); zero by default.</summary>
    public TimeSpan SipAnswerDelay
    {
        get => _server.Faults.AnswerDelay;
        set => _server.Faults.AnswerDelay = value;
    }

    /// <summary>Counts.</summary>
    public SimulatorStatistics Statistics() => _state.Statistics(_exports.Runs, _server.Messages, _server.Connections, _server.Logins);
}
