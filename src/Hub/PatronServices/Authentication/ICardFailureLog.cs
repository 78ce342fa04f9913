namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>
/// The failed verifications per card that the brute-force limit counts, shared by every hub node. Cards are passed
/// normalised (trimmed, upper case); an implementation keeps them only as keyed hashes.
/// </summary>
public interface ICardFailureLog
{
    /// <summary>The card's failures after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> SinceAsync(string card, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records a failure at <paramref name="at"/> and forgets every failure (of any card) at or before
    /// <paramref name="forgetBefore"/>.</summary>
    Task AddAsync(string card, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Forgets the card's failures (a successful verification).</summary>
    Task ClearAsync(string card, CancellationToken cancellationToken);
}
