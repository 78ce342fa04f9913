using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Loans;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A loan began: a physical copy checked out, or an e-book lent.</summary>
public sealed record LoanStarted : CanonicalEvent
{
    /// <summary>The loan.</summary>
    public required LoanId LoanId { get; init; }
    /// <summary>Physical or digital.</summary>
    public required LoanKind Kind { get; init; }
    /// <summary>The borrower.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The copy (physical loans).</summary>
    public HoldingId? HoldingId { get; init; }
    /// <summary>The e-book's ISBN/EAN (digital loans).</summary>
    public string? EbookIsbn { get; init; }
    /// <summary>Title, for display.</summary>
    public string? Title { get; init; }
    /// <summary>The lending library.</summary>
    public required Isil LendingIsil { get; init; }
    /// <summary>Start of the loan.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>Due date.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <inheritdoc />
    public override string SubjectId => LoanId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => LendingIsil.Value;
}
