using System.Globalization;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Check-out, check-in and renewal (NCIP and desk), with the problems a real system gives.</summary>
internal sealed partial class InstallationState
{
    private const int LoanDays = 21;
    private const int MaxRenewals = 3;

    public NcipAnswer<SimLoan> CheckOut(string libraryId, PatronKey patron, ItemKey item, DateOnly? desiredDue, string? guestCardNumber = null)
    {
        lock (_gate)
        {
            const string Service = "CheckOutItem";
            if (FindBorrower(patron) is not { } borrower)
                return NcipProblem.Of(Service, "Unknown User", $"V-smart has no borrower '{patron.BorrowerId ?? patron.CardNumber}'.", "UserIdentifierValue", patron.BorrowerId ?? patron.CardNumber);
            if (FindCopy(item) is not { } copy || copy.Withdrawn || copy.LibraryId != libraryId)
                return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copy '{item.ItemId ?? item.Barcode}'.", "ItemIdentifierValue", item.ItemId ?? item.Barcode);
            if (copy.OpenLoanId is { } open)
            {
                return _loans[open].BorrowerId == borrower.Id
                    ? _loans[open]
                    : NcipProblem.Of(Service, "Resource Cannot Be Provided", $"Copy {copy.IdText} is on loan to another borrower.", "ItemIdentifierValue", copy.IdText);
            }
            if (borrower.Status != VSmartCodes.BorrowerOk)
                return NcipProblem.Of(Service, "User Blocked", $"Borrower {borrower.IdText} has status {borrower.Status} and may not borrow.", "UserIdentifierValue", borrower.IdText);
            if (copy.Status is VSmartCodes.ItemReference or VSmartCodes.ItemMissing or VSmartCodes.ItemInProcess)
                return NcipProblem.Of(Service, "Item Does Not Circulate", $"Copy {copy.IdText} has status {copy.Status} and cannot be lent.", "ItemIdentifierValue", copy.IdText);
            return StartLoan(copy, borrower, desiredDue, guestCardNumber: guestCardNumber);
        }
    }

    public NcipAnswer<SimLoan> CheckIn(string libraryId, ItemKey item)
    {
        lock (_gate)
        {
            const string Service = "CheckInItem";
            if (FindCopy(item) is not { } copy || copy.LibraryId != libraryId)
                return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copy '{item.ItemId ?? item.Barcode}'.", "ItemIdentifierValue", item.ItemId ?? item.Barcode);
            if (copy.OpenLoanId is not { } open)
                return NcipProblem.Of(Service, "Item Not Checked Out", $"Copy {copy.IdText} is not on loan.", "ItemIdentifierValue", copy.IdText);
            return EndLoan(_loans[open]);
        }
    }

    public NcipAnswer<SimLoan> Renew(string libraryId, PatronKey patron, ItemKey item)
    {
        lock (_gate)
        {
            const string Service = "RenewItem";
            if (FindCopy(item) is not { } copy || copy.LibraryId != libraryId)
                return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copy '{item.ItemId ?? item.Barcode}'.", "ItemIdentifierValue", item.ItemId ?? item.Barcode);
            if (copy.OpenLoanId is not { } open)
                return NcipProblem.Of(Service, "Item Not Checked Out", $"Copy {copy.IdText} is not on loan.", "ItemIdentifierValue", copy.IdText);
            var loan = _loans[open];
            var borrower = _borrowers[loan.BorrowerId];
            if (FindBorrower(patron) is { } named && named.Id != loan.BorrowerId)
                return NcipProblem.Of(Service, "User Ineligible To Renew This Item", $"Copy {copy.IdText} is not on loan to borrower {named.IdText}.", "UserIdentifierValue", named.IdText);
            if (borrower.Status != VSmartCodes.BorrowerOk)
                return NcipProblem.Of(Service, "User Blocked", $"Borrower {borrower.IdText} has status {borrower.Status}.", "UserIdentifierValue", borrower.IdText);
            if (loan.Renewals >= MaxRenewals)
                return NcipProblem.Of(Service, "Maximum Renewals Exceeded", $"Loan {loan.IdText} has been renewed {MaxRenewals} times already.", "ItemIdentifierValue", copy.IdText);
            if (_requests.Values.Any(r => r.TitleNumber == copy.TitleNumber && r.BorrowerId != loan.BorrowerId))
                return NcipProblem.Of(Service, "Item Has Outstanding Requests", $"Another borrower has requested '{_titles[copy.TitleNumber].Title}'.", "ItemIdentifierValue", copy.IdText);
            loan.DueDate = (loan.DueDate > Today ? loan.DueDate : Today).AddDays(LoanDays);
            loan.Renewals++;
            loan.Status = VSmartCodes.LoanRenewed;
            EmitLoan(loan, VSmartCodes.LoanRenewal, NextStamp());
            return loan;
        }
    }

    public SimulatedLoan CheckOutByControl(string itemId, string borrowerId, string? guestCardNumber)
    {
        lock (_gate)
        {
            var copy = RequireCopy(itemId);
            var answer = CheckOut(copy.LibraryId, new PatronKey(borrowerId, null), new ItemKey(itemId, null), null, guestCardNumber);
            return answer.Problem is { } p ? throw new VSmartSimulatorException(409, p.Type.ToUpperInvariant().Replace(' ', '_'), p.Detail) : Show(answer.Value!);
        }
    }

    public SimulatedLoan ReturnByControl(string itemId)
    {
        lock (_gate)
        {
            var copy = RequireCopy(itemId);
            var answer = CheckIn(copy.LibraryId, new ItemKey(itemId, null));
            return answer.Problem is { } p ? throw new VSmartSimulatorException(409, p.Type.ToUpperInvariant().Replace(' ', '_'), p.Detail) : Show(answer.Value!);
        }
    }

    /// <summary>The desk of <paramref name="libraryId"/> scans a barcode at check-in: a copy of the library on loan is checked in,
    /// one not on loan gives null; a barcode the system does not know (a copy of another library system) is noted in the loan
    /// feed as <c>inname-vreemd</c>, its record holding only the take-in id, library, branch, barcode and time.</summary>
    public SimulatedLoan? TakeInAtDesk(string libraryId, string barcode)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindCopyByBarcode(barcode) is { } copy && copy.LibraryId == libraryId)
                return copy.OpenLoanId is { } open ? Show(EndLoan(_loans[open])) : null;
            var at = NextStamp();
            var number = _loanFeed.Count + 1;
            _loanFeed.Add(new FeedEntry<LoanRecord>(number, at, VSmartCodes.ForeignItemTakenIn, new LoanRecord(
                string.Create(CultureInfo.InvariantCulture, $"V{number}"), "", barcode, "", libraryId, library.MainBranch, "", at, default, at, 0, "", null)));
            return null;
        }
    }

    /// <summary>By id, by card, or (both given: the message did not say which) by id and then by card.</summary>
    private SimBorrower? FindBorrower(PatronKey key)
        => (key.BorrowerId is not null ? FindBorrowerById(key.BorrowerId) : null) ?? FindBorrowerByCard(key.CardNumber);

    /// <summary>By item id, by barcode, or (both given) by id and then by barcode.</summary>
    private SimCopy? FindCopy(ItemKey key) => (key.ItemId is not null ? FindCopyById(key.ItemId) : null) ?? FindCopyByBarcode(key.Barcode);

    private static SimulatedLoan Show(SimLoan l)
        => new(l.IdText, Text(l.ItemId), Text(l.BorrowerId), l.DueDate, l.ReturnedAt, l.Renewals, l.Status);

    /// <summary>
    /// A loan as a data migration brings it in from another system: lent at the old system's time with its due date and
    /// renewals, not a circulation transaction (no blocks or policies are checked). It appears in the loan feed like any
    /// new loan.
    /// </summary>
    public SimulatedLoan MigrateLoanByControl(string itemId, string borrowerId, DateTimeOffset lentAt, DateOnly dueDate, int renewals)
    {
        lock (_gate)
        {
            var copy = RequireCopy(itemId);
            var borrower = RequireBorrower(borrowerId);
            if (copy.OpenLoanId is not null)
                throw new VSmartSimulatorException(409, "ITEM_ON_LOAN", $"Copy '{itemId}' is already on loan; a migrated loan needs a copy that is not.");
            return Show(StartLoan(copy, borrower, dueDate, lentAt, renewals));
        }
    }

    private SimLoan StartLoan(SimCopy copy, SimBorrower borrower, DateOnly? due, DateTimeOffset? lentAt = null, int renewals = 0, string? guestCardNumber = null)
    {
        var at = NextStamp();
        var title = _titles[copy.TitleNumber];
        var loan = new SimLoan
        {
            Id = _nextLoanId++,
            ItemId = copy.Id,
            BorrowerId = borrower.Id,
            LibraryId = copy.LibraryId,
            BranchCode = copy.BranchCode,
            Title = title.Title,
            Barcode = copy.Barcode,
            LentAt = lentAt ?? at,
            Renewals = renewals,
            DueDate = due ?? DateOnly.FromDateTime(at.UtcDateTime).AddDays(LoanDays),
            Status = VSmartCodes.LoanLent,
            GuestCardNumber = guestCardNumber,
        };
        _loans.Add(loan.Id, loan);
        copy.OpenLoanId = loan.Id;
        copy.Status = VSmartCodes.ItemCheckedOut;
        borrower.OpenLoans++;
        _libraries[copy.LibraryId].OpenLoans.Add(loan.Id);
        Touch(title, copy.BranchCode);
        EmitLoan(loan, VSmartCodes.LoanStart, at);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (borrower.LastLoanDate != day)
        {
            borrower.LastLoanDate = day;
            EmitBorrower(borrower, VSmartCodes.BorrowerChanged);
        }
        return loan;
    }

    private SimLoan EndLoan(SimLoan loan)
    {
        var copy = _copies[loan.ItemId];
        var at = NextStamp();
        loan.ReturnedAt = at;
        loan.Status = VSmartCodes.LoanReturned;
        copy.OpenLoanId = null;
        copy.Status = copy.Temporary ? VSmartCodes.ItemOnHoldShelf : VSmartCodes.ItemAvailable;
        if (_borrowers.TryGetValue(loan.BorrowerId, out var borrower)) borrower.OpenLoans--;
        _libraries[copy.LibraryId].OpenLoans.Remove(loan.Id);
        Touch(_titles[copy.TitleNumber], copy.BranchCode);
        EmitLoan(loan, VSmartCodes.LoanEnd, at);
        return loan;
    }
}
