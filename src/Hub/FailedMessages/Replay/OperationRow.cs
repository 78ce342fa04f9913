namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>A <c>failed_message_operations</c> row.</summary>
public sealed class OperationRow
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public string Selection { get; set; } = "{}";
    public string RequestedBy { get; set; } = "";
    public string RequestedAt { get; set; } = "";
    public string? StartedAt { get; set; }
    public string? FinishedAt { get; set; }
    public string? HeartbeatAt { get; set; }
    public bool Force { get; set; }
    public int BatchSize { get; set; }
    public int Total { get; set; }
    public int BatchesDone { get; set; }
    public bool CancelRequested { get; set; }
    public string? Note { get; set; }
}
