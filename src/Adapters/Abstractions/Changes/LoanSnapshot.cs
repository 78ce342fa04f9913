using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>The current state of a physical loan at the source: open (no <see cref="EndedAt"/>) or ended.</summary>
public sealed record LoanSnapshot : CanonicalChange
{
    /// <summary>The lending library.</summary>
    public required Isil Isil { get; init; }
    /// <summary>The borrower's local id.</summary>
    public required string MemberLocalId { get; init; }
    /// <summary>The copy's local id.</summary>
    public required string HoldingLocalId { get; init; }
    /// <summary>Title, for display, if the source gives it.</summary>
    public string? Title { get; init; }
    /// <summary>Start.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>Due date.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>End (return); null while the loan is open.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Renewals so far.</summary>
    public int Renewals { get; init; }
    /// <summary>For a loan to a guest account (a library's account for members of another library): the card number of the
    /// member it was for, when the desk noted it on the loan and the adapter can read it; null otherwise.</summary>
    public string? GuestCardNumber { get; init; }
}
