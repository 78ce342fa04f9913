using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Check-out, check-in and renewal, with the refusals (screen messages) a real Brocade gives.</summary>
internal sealed partial class InstallationState
{
    private const int LoanDays = 21;
    private const int MaxRenewals = 3;

    public SipAnswer CheckOut(string? patron, string? item, DateOnly? due, string? guestCardNumber = null)
        => Change(() => CheckOutCore(patron, item, due, guestCardNumber));

    public SipAnswer CheckIn(string? item) => Change(() => CheckInCore(item));

    public SipAnswer Renew(string? patron, string? item) => Change(() =>
    {
        if (FindItem(item) is not { } copy) return SipAnswer.Refused(ScreenMessages.CopyUnknown);
        if (copy.OpenLoan is not { } open) return SipAnswer.Refused(ScreenMessages.NotOnLoan, copy: copy);
        var loan = _loans[open];
        if (FindPatron(patron) is { } member && member != loan.Member) return SipAnswer.Refused(ScreenMessages.OnLoanToOther, member, copy);
        if (loan.Renewals >= MaxRenewals) return SipAnswer.Refused(ScreenMessages.RenewalLimit, loan.Member, copy);
        if (_holds.Any(h => !h.Cancelled && h.Title == copy.Title && h.Member != loan.Member))
            return SipAnswer.Refused(ScreenMessages.ReservedForOther, loan.Member, copy);
        var from = loan.DueDate > Today ? loan.DueDate : Today;
        loan.DueDate = from.AddDays(LoanDays);
        loan.Renewals++;
        loan.Status = BrocadeCodes.LoanRenewed;
        loan.Version = Touch();
        return new SipAnswer(true, null, loan, copy, loan.Member);
    });

    public SimulatedLoan CheckOutByControl(string copyNumber, string memberNumber, string? guestCardNumber)
    {
        var answer = CheckOut(memberNumber, copyNumber, null, guestCardNumber);
        return answer.Ok && answer.Loan is { } loan ? Show(loan) : throw new BrocadeSimulatorException($"Check-out refused: {answer.Message}.");
    }

    public SimulatedLoan ReturnByControl(string copyNumber)
    {
        var answer = CheckIn(copyNumber);
        return answer.Ok && answer.Loan is { } loan ? Show(loan) : throw new BrocadeSimulatorException($"Check-in refused: {answer.Message}.");
    }

    /// <summary>The desk of library <paramref name="libraryCode"/> scans a barcode at check-in: a copy of the library on loan is
    /// checked in, one not on loan gives null (a copy of another library of the installation too: the system knows it); a barcode
    /// the system does not know (a copy of another library system) is noted
    /// as a take-in of a foreign copy (export <c>INNAMES_VREEMD</c>) at the library's head office, and gives null.</summary>
    public SimulatedLoan? TakeInAtDesk(string libraryCode, string barcode) => Change(() =>
    {
        var library = Library(libraryCode);
        if (FindItem(barcode) is { } copy) return copy.OpenLoan is null ? null : Show(CheckInCore(copy.Barcode).Loan!);
        _foreignTakeIns.Add(new SimForeignTakeIn(_nextTakeIn++, library.LibraryCode, library.Branches[0].BranchCode, barcode, Now, Touch()));
        return (SimulatedLoan?)null;
    });

    /// <summary>The status a loan is exported with: a forced (unmapped) code while one is set.</summary>
    public string ExportedLoanStatus(SimLoan loan)
    {
        if (loan.ReturnedAt is null && loan.DueDate < Today && loan.Status != BrocadeCodes.LoanOverdue) return BrocadeCodes.LoanOverdue;
        return loan.Status;
    }

    private static SimulatedLoan Show(SimLoan l) => new(l.NumberText, l.Copy.NumberText, l.Member.NumberText, l.Status, l.DueDate, l.Renewals);

    private SipAnswer CheckOutCore(string? patron, string? item, DateOnly? due, string? guestCardNumber)
    {
        if (FindPatron(patron) is not { } member) return SipAnswer.Refused(ScreenMessages.PatronUnknown);
        if (FindItem(item) is not { } copy) return SipAnswer.Refused(ScreenMessages.CopyUnknown, member);
        if (copy.OpenLoan is { } open)
        {
            var existing = _loans[open];
            return existing.Member == member
                ? new SipAnswer(true, ScreenMessages.AlreadyLentToPatron, existing, copy, member)
                : SipAnswer.Refused(ScreenMessages.OnLoanToOther, member, copy);
        }
        if (member.Status == BrocadeCodes.MemberBlocked) return SipAnswer.Refused(ScreenMessages.PatronBlocked, member, copy);
        if (member.Status == BrocadeCodes.MemberExpired) return SipAnswer.Refused(ScreenMessages.PatronExpired, member, copy);
        if (copy.Status is not (BrocadeCodes.CopyPresent or BrocadeCodes.CopyInTransit or BrocadeCodes.CopyOnHoldShelf))
            return SipAnswer.Refused(ScreenMessages.NotLendable, member, copy);
        if (_holds.Any(h => !h.Cancelled && h.Title == copy.Title && h.Member != member && copy.Status == BrocadeCodes.CopyOnHoldShelf))
            return SipAnswer.Refused(ScreenMessages.ReservedForOther, member, copy);
        var now = Now;
        var loan = new SimLoan
        {
            Number = _nextLoan++, Member = member, Copy = copy, Branch = copy.Branch, LentAt = now,
            DueDate = due ?? DateOnly.FromDateTime(now.UtcDateTime).AddDays(LoanDays), Status = BrocadeCodes.LoanOut,
            GuestCardNumber = guestCardNumber,
        };
        _loans.Add(loan.Number, loan);
        copy.OpenLoan = loan.Number;
        copy.Status = BrocadeCodes.CopyOnLoan;
        member.OpenLoans++;
        foreach (var hold in _holds.Where(h => !h.Cancelled && h.Member == member && h.Title == copy.Title)) hold.Cancelled = true;
        loan.Version = Touch();
        Modified(copy);
        return new SipAnswer(true, null, loan, copy, member);
    }

    private SipAnswer CheckInCore(string? item)
    {
        if (FindItem(item) is not { } copy) return SipAnswer.Refused(ScreenMessages.CopyUnknown);
        if (copy.OpenLoan is not { } open) return SipAnswer.Refused(ScreenMessages.NotOnLoan, copy: copy);
        var loan = _loans[open];
        loan.ReturnedAt = Now;
        loan.Status = BrocadeCodes.LoanReturned;
        loan.Version = Touch();
        copy.OpenLoan = null;
        loan.Member.OpenLoans--;
        copy.Status = _holds.Any(h => !h.Cancelled && h.Title == copy.Title) ? BrocadeCodes.CopyOnHoldShelf : BrocadeCodes.CopyPresent;
        Modified(copy);
        return new SipAnswer(true, null, loan, copy, loan.Member);
    }
}
