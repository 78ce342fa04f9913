using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>A loan was renewed: a new due date.</summary>
public sealed record LoanRenewed : CanonicalEvent
{
    /// <summary>The loan.</summary>
    public required LoanId LoanId { get; init; }
    /// <summary>The borrower.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The lending library.</summary>
    public required Isil LendingIsil { get; init; }
    /// <summary>The new due date.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>Renewals so far.</summary>
    public required int Renewals { get; init; }
    /// <inheritdoc />
    public override string SubjectId => LoanId.ToString();
    /// <inheritdoc />
    public override string LibraryIsil => LendingIsil.Value;
}
