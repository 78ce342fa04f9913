namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>A row of <c>holdings_sync_batches</c>.</summary>
public sealed class SyncBatch
{
    public string Id { get; set; } = "";
    public string Isil { get; set; } = "";
    public SyncTargetKind Target { get; set; }
    public BatchKind Kind { get; set; }
    public string BusinessDay { get; set; } = "";
    public int Sequence { get; set; }
    public string Label { get; set; } = "";
    public BatchStatus Status { get; set; }
    public int Records { get; set; }
    public int Parts { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Unmatched { get; set; }
    public int Attempts { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? LastAttemptAt { get; set; }
    public string? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
