using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Loans;

/// <summary>A loan of a physical copy (with <see cref="HoldingId"/>) or an e-book (with <see cref="EbookIsbn"/>).</summary>
public sealed record Loan
{
    /// <summary>The canonical id.</summary>
    public required LoanId Id { get; init; }
    /// <summary>Physical or digital.</summary>
    public required LoanKind Kind { get; init; }
    /// <summary>The borrowing member.</summary>
    public required MemberId MemberId { get; init; }
    /// <summary>The copy lent; null for digital loans.</summary>
    public HoldingId? HoldingId { get; init; }
    /// <summary>The e-book's ISBN/EAN; null for physical loans.</summary>
    public string? EbookIsbn { get; init; }
    /// <summary>Title, for display.</summary>
    public string? Title { get; init; }
    /// <summary>The library that lent it.</summary>
    public required Isil Isil { get; init; }
    /// <summary>When the loan started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>When it ended (returned); null while current.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Number of renewals.</summary>
    public int Renewals { get; init; }
}
