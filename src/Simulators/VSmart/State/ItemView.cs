namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>What NCIP LookupItem shows of a copy.</summary>
internal sealed record ItemView(string ItemId, string Barcode, string LibraryId, string BranchCode, string TitleNumber, string Title, string? Author,
    string? Isbn, string Status, string Department, string Shelfmark, DateOnly? DueDate, string? BorrowerId);
