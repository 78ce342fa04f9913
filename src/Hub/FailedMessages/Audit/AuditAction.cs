namespace Lsb.Hub.FailedMessages.Audit;

/// <summary>The actions the audit trail records.</summary>
public static class AuditAction
{
    /// <summary>A replay operation was accepted.</summary>
    public const string Replay = "replay";
    /// <summary>Messages were archived.</summary>
    public const string Archive = "archive";
    /// <summary>Messages were taken out of the archive.</summary>
    public const string Unarchive = "unarchive";
    /// <summary>Messages were deleted for good.</summary>
    public const string Discard = "discard";
    /// <summary>A comment was added to a group.</summary>
    public const string Comment = "comment";
    /// <summary>The retention job removed archived or resolved messages.</summary>
    public const string Retention = "retention";

    /// <summary>All actions.</summary>
    public static IReadOnlyList<string> All { get; } = [Replay, Archive, Unarchive, Discard, Comment, Retention];
}
