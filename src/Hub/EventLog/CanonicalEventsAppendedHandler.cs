namespace Lsb.Hub.EventLog;

/// <summary>
/// Handles <see cref="CanonicalEventsAppended"/> from the events topic's <c>holdings-sync</c> subscription: tells this
/// node's log followers (the holdings projection) that the log has grown, as a commit on this node would. The followers
/// read from the log themselves; this only wakes them, so it cannot fail.
/// </summary>
public static class CanonicalEventsAppendedHandler
{
    /// <summary>Wakes the followers.</summary>
    public static void Handle(CanonicalEventsAppended message, EventLogSignal signal)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signal);
        signal.Notify(message.UpTo);
    }
}
