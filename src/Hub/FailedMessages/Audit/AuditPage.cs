namespace Lsb.Hub.FailedMessages.Audit;

/// <summary>A page of audit entries, newest first, with the total count.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int Total);
