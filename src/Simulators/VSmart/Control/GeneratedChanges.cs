namespace Lsb.Hub.Simulators.VSmart;

/// <summary>What a bulk generation of activity produced: entries per feed (their sum is the requested count).</summary>
/// <param name="Borrowers">Borrower feed entries (new or changed borrowers).</param>
/// <param name="Records">Bibliographic record changes in OAI-PMH (new copies, status changes).</param>
/// <param name="Loans">Loan feed entries.</param>
public sealed record GeneratedChanges(int Borrowers, int Records, int Loans)
{
    /// <summary>All changes.</summary>
    public int Total => Borrowers + Records + Loans;
}
