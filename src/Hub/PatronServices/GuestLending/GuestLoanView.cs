namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>A guest loan as the API shows it. No card number, name or PIN.</summary>
/// <param name="LoanId">Canonical loan id (the member's customer view shows it).</param>
/// <param name="MemberId">The borrowing member.</param>
/// <param name="HomeIsil">The member's home library.</param>
/// <param name="LendingIsil">The lending library.</param>
/// <param name="HoldingId">The copy.</param>
/// <param name="Barcode">The copy's barcode.</param>
/// <param name="Title">The copy's title.</param>
/// <param name="StartedAt">When it was lent.</param>
/// <param name="DueAt">The due date the lending system set (its rules apply).</param>
/// <param name="LendingSystemAccount">The guest account the lending system lent the copy to.</param>
/// <param name="HomeSystemInformed">True when the member's home system was told of the loan; false: the hub is the record.</param>
/// <param name="Notice">What the lending desk should know.</param>
public sealed record GuestLoanView(string LoanId, string MemberId, string HomeIsil, string LendingIsil, string HoldingId, string Barcode, string Title,
    DateTimeOffset StartedAt, DateTimeOffset? DueAt, string LendingSystemAccount, bool HomeSystemInformed, string Notice);
