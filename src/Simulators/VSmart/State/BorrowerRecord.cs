namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A borrower as it was right after one change (a borrower feed entry holds one).</summary>
internal sealed record BorrowerRecord(string BorrowerId, string LibraryId, string BranchCode, string CardNumber, string GivenName, string? NamePrefix,
    string FamilyName, DateOnly BirthDate, string Gender, string? Street, string? HouseNumber, string? Postcode, string? City, string? Email,
    string Category, string Status, DateOnly RegisteredOn, DateOnly ValidUntil, decimal Fines, bool? ConsentIntegralView, DateOnly? LastLoanDate);
