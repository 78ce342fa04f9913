namespace Lsb.Hub.Ibl.Process;

/// <summary>The current lender answered: its staff over the API, or an ISO 18626 supplier's message.</summary>
/// <param name="Actor">Who, for the history.</param>
/// <param name="Cause">lender or iso18626.</param>
/// <param name="Answer">What it said.</param>
/// <param name="Agency">The lender that answered; only the current lender's answers count.</param>
/// <param name="Reason">Why (unfilled, recall), in the lender's words.</param>
/// <param name="Barcode">Shipped: the barcode of the copy sent, when it differs from the one held.</param>
/// <param name="DueAt">Shipped or renewed: the due date the lender set.</param>
/// <param name="Yes">For answers to a question (renewal, cancellation): yes or no.</param>
public sealed record LenderAnswered(string Actor, string Cause, LenderAnswer Answer, string Agency, string? Reason = null, string? Barcode = null,
    DateTimeOffset? DueAt = null, bool? Yes = null) : IblInput(Actor, Cause);
