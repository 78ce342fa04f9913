namespace Lsb.Hub.FailedMessages.Audit;

/// <summary>One thing an administrator (or the retention job) did to failed messages.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="At">When.</param>
/// <param name="Actor">The API key name, or <c>system:retention</c>.</param>
/// <param name="Action">What: see <see cref="AuditAction"/>.</param>
/// <param name="Target">What it applied to: a message id, a group key or a filter, as JSON.</param>
/// <param name="Affected">How many messages it affected.</param>
/// <param name="OperationId">The replay operation, for replays.</param>
/// <param name="Detail">Free text: a comment, a reason.</param>
public sealed record AuditEntry(string Id, DateTimeOffset At, string Actor, string Action, string Target, int Affected, string? OperationId, string? Detail);
