namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A borrower as the control API shows it (with PIN, for tests and trying the sandbox).</summary>
/// <param name="BorrowerId">V-smart's borrower id (lenernummer).</param>
/// <param name="LibraryId">Library code.</param>
/// <param name="BranchCode">Home branch.</param>
/// <param name="CardNumber">Card number.</param>
/// <param name="Pin">PIN.</param>
/// <param name="Name">Full name.</param>
/// <param name="Category">Category code.</param>
/// <param name="Status">Status code.</param>
public sealed record SimulatedBorrower(string BorrowerId, string LibraryId, string BranchCode, string CardNumber, string Pin, string Name, string Category, string Status);
