namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>How far a rejected record has gone towards the failed-message store.</summary>
public enum Escalation
{
    /// <summary>Nothing to escalate (not rejected), or not yet queued.</summary>
    None,
    /// <summary>A <see cref="Rejections.HoldingRecordRejected"/> message is queued.</summary>
    Queued,
    /// <summary>The message failed on purpose and is in the failed-message store; its replay re-sends the copy.</summary>
    DeadLettered,
}
