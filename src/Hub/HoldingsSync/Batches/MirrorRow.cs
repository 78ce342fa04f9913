namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>A row of <c>holdings_sync_copies</c>: a copy a target holds for a library, as far as the hub knows.</summary>
public sealed class MirrorRow
{
    public string HoldingId { get; set; } = "";
    public string ControlNumber { get; set; } = "";
    public string? Barcode { get; set; }
    public string? BibReference { get; set; }
    public long Digest { get; set; }
}
