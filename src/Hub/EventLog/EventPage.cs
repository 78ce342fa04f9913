namespace Lsb.Hub.EventLog;

/// <summary>A page of the event log.</summary>
/// <param name="Events">The events, oldest first.</param>
/// <param name="Next">Pass as <c>after</c> to read on.</param>
/// <param name="Head">The newest position at the time of reading.</param>
public sealed record EventPage(IReadOnlyList<LoggedEvent> Events, long Next, long Head);
