namespace Lsb.Hub.FailedMessages.Store;

/// <summary>A <c>failed_messages_resolved</c> row: a message whose replay succeeded, as it was when it failed.</summary>
public sealed class ResolvedRow
{
    public string MessageId { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string ExceptionType { get; set; } = "";
    public string? ExceptionMessage { get; set; }
    public string? FailureGroup { get; set; }
    public string? InstallationId { get; set; }
    public string? Vendor { get; set; }
    public string? Isil { get; set; }
    public string? FirstFailedAt { get; set; }
    public string? LastFailedAt { get; set; }
    public int Failures { get; set; }
    public string? Body { get; set; }
    public string? Headers { get; set; }
    public string ResolvedAt { get; set; } = "";
    public string ResolvedBy { get; set; } = "";
    public string OperationId { get; set; } = "";

    /// <summary>The list view of the row.</summary>
    public FailedMessageSummary ToSummary() => new(
        Guid.Parse(MessageId), FailedMessageStatus.Resolved, MessageType, ExceptionType, ExceptionMessage, InstallationId, Vendor, Isil,
        FailureGroup, IsoTime.ParseOrNull(FirstFailedAt), IsoTime.ParseOrNull(LastFailedAt), Failures, 0, null, IsoTime.Parse(ResolvedAt), false);
}
