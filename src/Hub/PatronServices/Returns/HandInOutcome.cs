namespace Lsb.Hub.PatronServices.Returns;

/// <summary>The outcome of a <see cref="CopyHandIn"/>: what happened and, when it did not, why in words a person can act on.</summary>
/// <param name="Result">What happened.</param>
/// <param name="Message">Why, and what to do (empty when <see cref="HandInResult.Returned"/>).</param>
/// <param name="Return">The return recorded (<see cref="HandInResult.Returned"/>).</param>
/// <param name="Candidates">The copies the barcode may be (<see cref="HandInResult.Ambiguous"/>).</param>
/// <param name="RetryAfter">When to try again (<see cref="HandInResult.OwnerUnavailable"/>).</param>
public sealed record HandInOutcome(HandInResult Result, string Message, CopyReturnView? Return = null, IReadOnlyList<CopyCandidate>? Candidates = null,
    TimeSpan? RetryAfter = null);
