namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>A row of <c>holdings_sync_records</c>: one record of a batch with its own delivery state.</summary>
public sealed class SyncRecord
{
    public string BatchId { get; set; } = "";
    public int Sequence { get; set; }
    public int Part { get; set; }
    public string HoldingId { get; set; } = "";
    public string Isil { get; set; } = "";
    public SyncTargetKind Target { get; set; }
    public SyncAction Action { get; set; }
    public RecordStatus Status { get; set; }
    public string? Reason { get; set; }
    public string? Barcode { get; set; }
    public string ControlNumber { get; set; } = "";
    public string? BibReference { get; set; }
    public long Digest { get; set; }
    public string? Payload { get; set; }
    public Escalation Escalation { get; set; }
    public string? EscalatedAt { get; set; }
    public string? DeadLetterId { get; set; }
    public string UpdatedAt { get; set; } = "";
}
