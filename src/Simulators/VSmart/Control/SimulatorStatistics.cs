namespace Lsb.Hub.Simulators.VSmart;

/// <summary>Counts for one installation of the simulator.</summary>
/// <param name="Installation">The installation.</param>
/// <param name="Borrowers">Live borrowers.</param>
/// <param name="Records">Bibliographic records, deleted ones included (OAI-PMH keeps them, deletedRecord=persistent).</param>
/// <param name="Copies">Copies in the collection (not withdrawn, not temporary): what the hub's holdings should equal.</param>
/// <param name="OpenLoans">Loans not yet returned.</param>
/// <param name="BorrowerChanges">Entries in the borrower change feed.</param>
/// <param name="LoanChanges">Entries in the loan change feed.</param>
/// <param name="EmittedLoanStatus">The loan status code being forced on new loan changes, if any.</param>
/// <param name="NcipMessages">NCIP messages received, whatever the answer (a Problem included): a test tells by it how often a
/// command was sent.</param>
public sealed record SimulatorStatistics(string Installation, int Borrowers, int Records, int Copies, int OpenLoans, long BorrowerChanges,
    long LoanChanges, string? EmittedLoanStatus, long NcipMessages);
