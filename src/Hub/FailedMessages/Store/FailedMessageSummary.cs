namespace Lsb.Hub.FailedMessages.Store;

/// <summary>One failed message in a list.</summary>
/// <param name="Id">The message id (stable across replays).</param>
/// <param name="Status">Failed, Archived or Resolved.</param>
/// <param name="MessageType">The message type as stored.</param>
/// <param name="ExceptionType">The exception type of the last failure.</param>
/// <param name="ExceptionMessage">The exception message of the last failure.</param>
/// <param name="Installation">The installation, where known.</param>
/// <param name="Vendor">Its vendor, where known.</param>
/// <param name="Library">The library's ISIL, where known.</param>
/// <param name="Group">The group key.</param>
/// <param name="FirstFailedAt">The first time it landed in the store.</param>
/// <param name="LastFailedAt">The last time it landed in the store.</param>
/// <param name="Failures">How often it landed in the store (1 + failed replays).</param>
/// <param name="Attempts">Delivery attempts of the last failure (retries included).</param>
/// <param name="ArchivedAt">When it was archived.</param>
/// <param name="ResolvedAt">When its replay succeeded.</param>
/// <param name="Replaying">True while a replay of it is outstanding.</param>
public sealed record FailedMessageSummary(
    Guid Id,
    FailedMessageStatus Status,
    string MessageType,
    string ExceptionType,
    string? ExceptionMessage,
    string? Installation,
    string? Vendor,
    string? Library,
    string? Group,
    DateTimeOffset? FirstFailedAt,
    DateTimeOffset? LastFailedAt,
    int Failures,
    int Attempts,
    DateTimeOffset? ArchivedAt,
    DateTimeOffset? ResolvedAt,
    bool Replaying);
