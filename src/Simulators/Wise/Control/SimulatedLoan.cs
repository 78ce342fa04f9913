namespace Lsb.Hub.Simulators.Wise;

/// <summary>A loan as the control API shows it.</summary>
/// <param name="LoanId">The Wise loan id (uitleningId).</param>
/// <param name="ItemId">The copy.</param>
/// <param name="PatronSystemId">The borrower.</param>
/// <param name="Status">Loan status code.</param>
/// <param name="DueDate">Due date (inleverdatum).</param>
/// <param name="Renewals">Renewals so far.</param>
public sealed record SimulatedLoan(string LoanId, string ItemId, string PatronSystemId, string Status, DateOnly DueDate, int Renewals);
