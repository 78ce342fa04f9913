namespace Lsb.Hub.EventLog;

/// <summary>
/// Published on the events topic (Azure Service Bus) when the event log has grown: the events after
/// <paramref name="After"/> up to and including <paramref name="UpTo"/> are committed. A notification, not the events:
/// a consumer MUST read them from the log, from its own checkpoint, so a lost, late or repeated notification never loses
/// or repeats an event, and no personal data travels through the broker (erasure rewrites the log, not a broker's copy).
/// </summary>
/// <param name="After">The head when the previous notification was published (informational).</param>
/// <param name="UpTo">The head of the log: every event up to here is committed.</param>
public sealed record CanonicalEventsAppended(long After, long UpTo);
