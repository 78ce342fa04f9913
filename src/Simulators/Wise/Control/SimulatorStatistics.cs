namespace Lsb.Hub.Simulators.Wise;

/// <summary>Counts for one installation of the simulator.</summary>
/// <param name="Installation">The installation.</param>
/// <param name="Patrons">Live patrons.</param>
/// <param name="Items">Copies (not withdrawn).</param>
/// <param name="OpenLoans">Loans not yet returned.</param>
/// <param name="ItemMutations">Entries in all item feeds.</param>
/// <param name="LoanMutations">Entries in all loan feeds.</param>
/// <param name="DeletedPatrons">Entries in all deleted-patron lists.</param>
/// <param name="EmittedLoanStatus">The loan status code being forced on new loan mutations, if any.</param>
public sealed record SimulatorStatistics(string Installation, int Patrons, int Items, int OpenLoans, int ItemMutations,
    int LoanMutations, int DeletedPatrons, string? EmittedLoanStatus);
