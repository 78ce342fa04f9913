namespace Lsb.Hub.Ingest.State;

/// <summary>A guest loan made at the desk of the lending system (to a guest account, the member's card noted on the loan),
/// which ingest records as the member's: its <c>guest_loans</c> row, written with the page.</summary>
/// <param name="LoanId">The canonical loan.</param>
/// <param name="HoldingId">The copy.</param>
/// <param name="HomeInstallationId">The member's installation.</param>
/// <param name="GuestAccount">The card number of the guest account the copy was checked out to.</param>
public sealed record RecordedGuestLoan(string LoanId, string HoldingId, string HomeInstallationId, string GuestAccount);
