using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Check-out, check-in and renewal, with the refusals a real system gives.</summary>
internal sealed partial class InstallationState
{
    private const int LoanDays = 21;
    private const int MaxRenewals = 3;

    public WiseResult<WiseLoanDto> CheckOut(string libraryId, WiseCirculationRequestDto request)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindPatron(request.PatronSystemId, request.CardNumber) is not { } patron || patron.LibraryId != libraryId)
                return WiseError.NotFound("PATRON_NOT_FOUND", $"Library '{libraryId}' has no patron '{request.PatronSystemId ?? request.CardNumber}'.");
            if (FindItem(request.ItemId, request.Barcode) is not { } item || item.LibraryId != libraryId)
                return WiseError.NotFound("ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{request.ItemId ?? request.Barcode}'.");
            if (item.OpenLoanId is { } open)
            {
                return _loans[open].PatronId == patron.Id
                    ? WiseError.Conflict("ITEM_ALREADY_ON_LOAN_TO_PATRON", $"Copy {item.Current.ItemId} is already on loan to patron {patron.IdText}.")
                    : WiseError.Conflict("ITEM_ON_LOAN", $"Copy {item.Current.ItemId} is on loan to another patron.");
            }
            if (patron.Status == WiseCodes.PatronBlocked) return WiseError.Forbidden("PATRON_BLOCKED", $"Patron {patron.IdText} is blocked.");
            if (patron.Status == WiseCodes.PatronExpired) return WiseError.Forbidden("PATRON_EXPIRED", $"Patron {patron.IdText}'s membership has expired.");
            if (item.Current.Status is WiseCodes.ItemNotForLoan or WiseCodes.ItemMissing or WiseCodes.ItemWithdrawn or WiseCodes.ItemInProcessing)
                return WiseError.Conflict("ITEM_NOT_AVAILABLE", $"Copy {item.Current.ItemId} has status {item.Current.Status} and cannot be lent.");
            var branch = request.BranchId is { } b && library.HasBranch(b) ? b : item.Current.BranchId;
            return StartLoan(library, item, patron, branch, request.DueDate, request.GuestCardNumber).Current;
        }
    }

    public WiseResult<WiseLoanDto> CheckIn(string libraryId, WiseCirculationRequestDto request)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindItem(request.ItemId, request.Barcode) is not { } item || item.LibraryId != libraryId)
                return WiseError.NotFound("ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{request.ItemId ?? request.Barcode}'.");
            if (item.OpenLoanId is not { } open)
                return WiseError.Conflict("ITEM_NOT_ON_LOAN", $"Copy {item.Current.ItemId} is not on loan.");
            return EndLoan(library, _loans[open]).Current;
        }
    }

    public WiseResult<WiseLoanDto> Renew(string libraryId, WiseCirculationRequestDto request)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindItem(request.ItemId, request.Barcode) is not { } item || item.LibraryId != libraryId)
                return WiseError.NotFound("ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{request.ItemId ?? request.Barcode}'.");
            if (item.OpenLoanId is not { } open) return WiseError.Conflict("ITEM_NOT_ON_LOAN", $"Copy {item.Current.ItemId} is not on loan.");
            var loan = _loans[open];
            if (FindPatron(request.PatronSystemId, request.CardNumber) is { } patron && patron.Id != loan.PatronId)
                return WiseError.Conflict("NOT_BORROWER", $"Copy {item.Current.ItemId} is not on loan to patron {patron.IdText}.");
            if (loan.Current.Renewals >= MaxRenewals)
                return WiseError.Conflict("RENEWAL_LIMIT_REACHED", $"Loan {loan.Current.LoanId} has been renewed {MaxRenewals} times already.");
            if (HasOpenHold(item.Current.TitleNumber, loan.PatronId))
                return WiseError.Conflict("ITEM_RESERVED", $"Another patron has a hold on '{item.Current.Title}'.");
            return RenewLoan(library, loan).Current;
        }
    }

    public SimulatedLoan CheckOutByControl(string itemId, string patronSystemId, string? guestCardNumber)
        => ByControl(itemId, (libraryId, request) => CheckOut(libraryId, request with { PatronSystemId = patronSystemId, GuestCardNumber = guestCardNumber }));

    public SimulatedLoan ReturnByControl(string itemId) => ByControl(itemId, CheckIn);

    /// <summary>The desk scans <paramref name="barcode"/> at check-in: a copy of the library is taken back (null when it was not
    /// on loan); a barcode the system does not know is a copy of another system, noted in the loan feed for forwarding.</summary>
    public SimulatedLoan? TakeInAtDesk(string libraryId, string barcode)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindItem(null, barcode) is { } item && item.LibraryId == libraryId)
                return item.OpenLoanId is { } open ? Show(EndLoan(library, _loans[open]).Current) : null;
            var at = NextStamp();
            var number = library.LoanFeed.Count + 1;
            var takeIn = string.Create(CultureInfo.InvariantCulture, $"V{libraryId}-{number}");
            library.LoanFeed.Add(new WiseLoanMutationDto(number, at, WiseCodes.ForeignItemTakenIn, null,
                new WiseForeignItemDto(takeIn, barcode, library.MainBranchId, at)));
            return null;
        }
    }

    public SimulatedLoan RenewByControl(string itemId) => ByControl(itemId, Renew);

    // What the desk does, through the same rules as the circulation endpoints; a refusal is thrown.
    private SimulatedLoan ByControl(string itemId, Func<string, WiseCirculationRequestDto, WiseResult<WiseLoanDto>> action)
    {
        lock (_gate)
        {
            var item = RequireItem(itemId);
            var result = action(item.LibraryId, new WiseCirculationRequestDto { ItemId = itemId });
            return result.Error is { } e ? throw new WiseSimulatorException(e.Status, e.Code, e.Message) : Show(result.Value!);
        }
    }

    private static SimulatedLoan Show(WiseLoanDto l) => new(l.LoanId, l.ItemId, l.PatronSystemId, l.Status, l.DueDate, l.Renewals);

    private SimLoan StartLoan(LibraryState library, SimItem item, SimPatron patron, string branchId, DateOnly? due, string? guestCardNumber = null)
    {
        var at = NextStamp();
        var id = _nextLoanId++;
        var loan = new SimLoan
        {
            Id = id, LibraryId = library.Spec.LibraryId, ItemId = item.Id, PatronId = patron.Id,
            Current = new WiseLoanDto
            {
                LoanId = id.ToString(CultureInfo.InvariantCulture), ItemId = item.Current.ItemId, Barcode = item.Current.Barcode,
                Title = item.Current.Title, PatronSystemId = patron.IdText, BranchId = branchId, LentAt = at,
                DueDate = due ?? DateOnly.FromDateTime(at.UtcDateTime).AddDays(LoanDays), Status = WiseCodes.LoanOut, GuestCardNumber = guestCardNumber,
            },
        };
        _loans.Add(id, loan);
        item.OpenLoanId = id;
        patron.OpenLoans++;
        library.OpenLoans.Add(id);
        EmitLoan(library, loan, loan.Current, WiseCodes.LoanStarted, at);
        EmitItem(library, item, item.Current with { Status = WiseCodes.ItemOnLoan }, WiseCodes.ItemChanged);
        return loan;
    }

    private SimLoan EndLoan(LibraryState library, SimLoan loan)
    {
        var at = NextStamp();
        var item = _items[loan.ItemId];
        EmitLoan(library, loan, loan.Current with { Status = WiseCodes.LoanReturned, ReturnedAt = at }, WiseCodes.LoanReturn, at);
        item.OpenLoanId = null;
        if (_patrons.TryGetValue(loan.PatronId, out var patron)) patron.OpenLoans--;
        library.OpenLoans.Remove(loan.Id);
        var next = HasOpenHold(item.Current.TitleNumber, null) ? WiseCodes.ItemOnHoldShelf : WiseCodes.ItemAvailable;
        EmitItem(library, item, item.Current with { Status = next }, WiseCodes.ItemChanged);
        return loan;
    }

    private SimLoan RenewLoan(LibraryState library, SimLoan loan)
    {
        var at = NextStamp();
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var from = loan.Current.DueDate > today ? loan.Current.DueDate : today;
        var next = loan.Current with { Renewals = loan.Current.Renewals + 1, DueDate = from.AddDays(LoanDays), Status = WiseCodes.LoanRenewed };
        EmitLoan(library, loan, next, WiseCodes.LoanRenewal, at);
        return loan;
    }
}
