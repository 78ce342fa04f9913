namespace Lsb.Hub.Loans;

/// <summary>A loan as the API shows it.</summary>
public sealed record LoanView(
    string Id,
    string Kind,
    string MemberId,
    string? HoldingId,
    string? EbookIsbn,
    string? Title,
    string Isil,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? EndedAt,
    int Renewals);
