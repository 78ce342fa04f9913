namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>An outstanding replay (a <c>failed_message_replays</c> row with outcome Pending).</summary>
public sealed class PendingReplay
{
    public string Id { get; set; } = "";
    public string MessageId { get; set; } = "";
    public string OperationId { get; set; } = "";
    public string RequestedAt { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public int ReplayCountBefore { get; set; }
    public string? Snapshot { get; set; }

    /// <summary>The message id as a Guid.</summary>
    public Guid MessageGuid => Guid.Parse(MessageId);
}
