namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A loan as the control API shows it.</summary>
/// <param name="LoanNumber">Uitleningnummer.</param>
/// <param name="CopyNumber">The copy.</param>
/// <param name="MemberNumber">The borrower.</param>
/// <param name="Status">Status code.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="Renewals">Renewals so far.</param>
public sealed record SimulatedLoan(string LoanNumber, string CopyNumber, string MemberNumber, string Status, DateOnly DueDate, int Renewals);
