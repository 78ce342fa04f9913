using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A loan ended: the copy was returned, or the e-book loan expired or was returned.</summary>
public sealed record LoanEnded : CanonicalEvent
{
    /// <summary>The loan.</summary>
    public required LoanId LoanId { get; init; }
    /// <summary>The borrower.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The copy (physical loans).</summary>
    public HoldingId? HoldingId { get; init; }
    /// <summary>The lending library.</summary>
    public required Isil LendingIsil { get; init; }
    /// <summary>When it ended.</summary>
    public required DateTimeOffset EndedAt { get; init; }
    /// <inheritdoc />
    public override string SubjectId => LoanId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => LendingIsil.Value;
}
