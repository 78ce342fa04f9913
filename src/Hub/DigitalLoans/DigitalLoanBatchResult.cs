namespace Lsb.Hub.DigitalLoans;

/// <summary>The answer to <c>POST /api/v1/digital-loans</c>: counts and one outcome per event, in batch order.</summary>
/// <param name="Accepted">Events accepted.</param>
/// <param name="Duplicates">Events already accepted before (nothing changed).</param>
/// <param name="Rejected">Events refused (nothing stored for them).</param>
/// <param name="Events">Per event, in the order sent.</param>
public sealed record DigitalLoanBatchResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventOutcome> Events);
