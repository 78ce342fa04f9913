namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A request (reservering) placed through NCIP RequestItem. Cancelled requests are removed, as V-smart does.</summary>
internal sealed class SimRequest
{
    public required long Id { get; init; }
    public string IdText => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public required long BorrowerId { get; init; }
    public required string LibraryId { get; init; }
    public required string TitleNumber { get; init; }
    public long? ItemId { get; init; }
    public string? PickupBranch { get; init; }
    public required string RequestType { get; init; }
    public required string ScopeType { get; init; }
    public string? ExternalReference { get; init; }
}
