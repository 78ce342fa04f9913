namespace Lsb.Hub.FailedMessages.Store;

/// <summary>One replay of a message and how it ended.</summary>
/// <param name="OperationId">The operation that sent it.</param>
/// <param name="RequestedAt">When it was put back on the bus.</param>
/// <param name="RequestedBy">The API key name that asked for it.</param>
/// <param name="Outcome">Pending, Succeeded or FailedAgain.</param>
/// <param name="SettledAt">When the outcome was seen.</param>
public sealed record ReplayRecord(string OperationId, DateTimeOffset RequestedAt, string RequestedBy, string Outcome, DateTimeOffset? SettledAt);
