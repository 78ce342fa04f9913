using System.Globalization;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A loan (uitlening).</summary>
internal sealed class SimLoan
{
    public required long Id { get; init; }
    public string IdText => Id.ToString(CultureInfo.InvariantCulture);
    public required long ItemId { get; init; }
    public required long BorrowerId { get; init; }
    public required string LibraryId { get; init; }
    public required string BranchCode { get; init; }
    public required string Title { get; init; }
    public required string Barcode { get; init; }
    public required DateTimeOffset LentAt { get; init; }
    public required DateOnly DueDate { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int Renewals { get; set; }
    public required string Status { get; set; }
    /// <summary>A loan to a guest account (a library's account for members of another library): the card of the member it is
    /// for, as the desk notes it on the loan; null otherwise.</summary>
    public string? GuestCardNumber { get; init; }

    public LoanRecord Snapshot(string? forcedStatus) => new(IdText, ItemId.ToString(CultureInfo.InvariantCulture), Barcode,
        BorrowerId.ToString(CultureInfo.InvariantCulture), LibraryId, BranchCode, Title, LentAt, DueDate, ReturnedAt, Renewals, forcedStatus ?? Status, GuestCardNumber);
}
