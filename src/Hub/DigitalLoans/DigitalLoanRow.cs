namespace Lsb.Hub.DigitalLoans;

/// <summary>A digital loan as the intake reads and writes it (a row of <c>loans</c> with kind Digital).</summary>
public sealed class DigitalLoanRow
{
    public required string Id { get; init; }
    public required string ExternalKey { get; init; }
    public required string MemberId { get; init; }
    public required string Isil { get; init; }
    public required string EbookIsbn { get; init; }
    public string? Title { get; init; }
    public required string StartedAt { get; init; }
    public string? DueAt { get; set; }
    public string? EndedAt { get; set; }
    public int Renewals { get; set; }
    public long SourceVersion { get; set; }
    /// <summary>True when this request created or changed it.</summary>
    public bool Dirty { get; set; }
}
