namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A loan as it was right after one change (a loan feed entry holds one).</summary>
internal sealed record LoanRecord(string LoanId, string ItemId, string Barcode, string BorrowerId, string LibraryId, string BranchCode, string Title,
    DateTimeOffset LentAt, DateOnly DueDate, DateTimeOffset? ReturnedAt, int Renewals, string Status, string? GuestCardNumber);
