namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>What NCIP LookupUser shows of a borrower.</summary>
internal sealed record UserView(BorrowerRecord Borrower, int OpenLoans, int OpenRequests);
