using System.Diagnostics.CodeAnalysis;

namespace Lsb.Hub.Ingest.State;

/// <summary>
/// The hub's guest loans one page of loan changes may concern, and how to tell a guest account by its card number. With
/// them the page attributes the lending system's loan to a guest account to the guest loan the hub recorded, instead of
/// recording a second loan for the account's member record. See docs/patron-services.md.
/// </summary>
/// <param name="isGuestAccount">True for a card number of a guest account.</param>
/// <param name="records">The guest loans.</param>
/// <param name="members">The memberships, outside the lending installation, of the cards noted on the page's loans.</param>
public sealed class GuestLoans(Func<string, bool> isGuestAccount, IEnumerable<GuestLoanRecord> records, IEnumerable<GuestMember> members)
{
    private readonly Dictionary<string, GuestLoanRecord> _byLoan = records.ToDictionary(r => r.Loan.Id, StringComparer.Ordinal);
    private readonly ILookup<string, GuestMember> _members = members.ToLookup(m => m.CardNumber, StringComparer.Ordinal);

    /// <summary>No guest loans, no guest accounts: for a page without loan changes.</summary>
    public static GuestLoans None() => new(_ => false, [], []);

    /// <summary>True when the page's reads found a guest loan or a card's membership elsewhere.</summary>
    public bool FoundAny => _byLoan.Count > 0 || _members.Count > 0;

    /// <summary>The guest loans the page ended (the lending system reported the copy returned).</summary>
    public List<string> Ended { get; } = [];

    /// <summary>Guest loans made at the lending desk that the page records.</summary>
    public List<RecordedGuestLoan> Recorded { get; } = [];

    /// <summary>The one member with <paramref name="cardNumber"/> outside the lending installation; null when the hub knows
    /// none, or several (a card number is unique within an installation only: the hub NEVER guesses).</summary>
    public GuestMember? Member(string? cardNumber)
        => cardNumber is not null && _members[cardNumber].ToList() is [var only] ? only : null;

    /// <summary>True when <paramref name="cardNumber"/> is a guest account's.</summary>
    public bool IsGuestAccount([NotNullWhen(true)] string? cardNumber) => cardNumber is not null && isGuestAccount(cardNumber);

    /// <summary>True when <paramref name="loanId"/> is a guest loan (recorded before, or by the page).</summary>
    public bool IsGuestLoan(string loanId) => _byLoan.ContainsKey(loanId) || Recorded.Any(r => r.LoanId == loanId);

    /// <summary>The guest loan of <paramref name="holdingId"/> to <paramref name="guestAccount"/> that no loan of the lending
    /// system maps to yet (the open one, else the latest), now claimed; null when there is none.</summary>
    public GuestLoanRecord? Claim(string holdingId, string guestAccount)
    {
        var match = _byLoan.Values
            .Where(r => !r.Claimed && r.HoldingId == holdingId && string.Equals(r.GuestAccount, guestAccount, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Loan.EndedAt is null ? 0 : 1)
            .ThenByDescending(r => r.Loan.StartedAt, StringComparer.Ordinal)
            .FirstOrDefault();
        if (match is not null) match.Claimed = true;
        return match;
    }
}
