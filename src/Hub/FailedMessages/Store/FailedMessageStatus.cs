namespace Lsb.Hub.FailedMessages.Store;

/// <summary>Where a failed message stands.</summary>
public enum FailedMessageStatus
{
    /// <summary>In the store, waiting for an administrator (the default list).</summary>
    Failed,
    /// <summary>Set aside by an administrator; kept until retention removes it; never replayed until unarchived.</summary>
    Archived,
    /// <summary>Replayed with success; kept for the record until retention removes it; never replayed again.</summary>
    Resolved,
}
