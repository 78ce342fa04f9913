namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A loan as the control API shows it.</summary>
/// <param name="LoanId">Loan id.</param>
/// <param name="ItemId">The copy.</param>
/// <param name="BorrowerId">The borrower.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="ReturnedAt">When it was returned, or null.</param>
/// <param name="Renewals">Renewals so far.</param>
/// <param name="Status">Loan status code.</param>
public sealed record SimulatedLoan(string LoanId, string ItemId, string BorrowerId, DateOnly DueDate, DateTimeOffset? ReturnedAt, int Renewals, string Status);
