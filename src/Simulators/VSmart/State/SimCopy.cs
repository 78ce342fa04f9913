namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A copy (exemplaar) embedded in its title's record as an 852/876 pair.</summary>
internal sealed class SimCopy
{
    public required long Id { get; init; }
    public string IdText => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public required string TitleNumber { get; init; }
    public required string LibraryId { get; init; }
    public required string BranchCode { get; set; }
    public required string Barcode { get; init; }
    public required string Status { get; set; }
    public required string Policy { get; init; }
    public required int CopyNumber { get; init; }
    public bool Withdrawn { get; set; }
    public bool Temporary { get; init; }
    public string? OwnerIsil { get; init; }
    public long? OpenLoanId { get; set; }
}
