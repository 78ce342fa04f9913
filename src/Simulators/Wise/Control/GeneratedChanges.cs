namespace Lsb.Hub.Simulators.Wise;

/// <summary>What a bulk generation produced: change records per feed (their sum is the requested count).</summary>
/// <param name="Patrons">Patron changes (new or updated patrons, each a distinct <c>updatedpatron</c> entry).</param>
/// <param name="Items">Item mutations.</param>
/// <param name="Loans">Loan mutations.</param>
public sealed record GeneratedChanges(int Patrons, int Items, int Loans)
{
    /// <summary>All changes.</summary>
    public int Total => Patrons + Items + Loans;
}
