namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>NCIP LookupUser (by id, card, or card and PIN) and LookupItem.</summary>
internal sealed partial class InstallationState
{
    public NcipAnswer<UserView> LookupUser(PatronKey key)
    {
        lock (_gate)
        {
            const string Service = "LookupUser";
            var borrower = FindBorrower(key);
            if (key.Pin is not null)
            {
                // The same answer for an unknown card and a wrong PIN: NEVER tell which one was wrong.
                if (borrower is null || !PinMatches(borrower, key.Pin))
                    return NcipProblem.Of(Service, "User Authentication Failed", "The card number or PIN is not correct.", "AuthenticationInput");
            }
            if (borrower is null)
                return NcipProblem.Of(Service, "Unknown User", $"V-smart has no borrower '{key.BorrowerId ?? key.CardNumber}'.", "UserIdentifierValue", key.BorrowerId ?? key.CardNumber);
            return new UserView(borrower.Snapshot(), borrower.OpenLoans, _requests.Values.Count(r => r.BorrowerId == borrower.Id));
        }
    }

    public NcipAnswer<ItemView> LookupItem(ItemKey key)
    {
        lock (_gate)
        {
            if (FindCopy(key) is not { } copy)
                return NcipProblem.Of("LookupItem", "Unknown Item", $"V-smart has no copy '{key.ItemId ?? key.Barcode}'.", "ItemIdentifierValue", key.ItemId ?? key.Barcode);
            var title = _titles[copy.TitleNumber];
            var loan = copy.OpenLoanId is { } open ? _loans[open] : null;
            return new ItemView(copy.IdText, copy.Barcode, copy.LibraryId, copy.BranchCode, title.TitleNumber, title.Title, title.Author, title.Isbn,
                copy.Status, title.Department, title.Shelfmark, loan?.DueDate, loan is null ? null : Text(loan.BorrowerId));
        }
    }
}
