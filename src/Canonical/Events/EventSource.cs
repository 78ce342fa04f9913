namespace Lsb.Hub.Canonical.Events;

/// <summary>
/// Where a canonical event came from: the system (an installation id, <c>kb-ebook-platform</c>, or <c>hub</c> for
/// events the hub raises itself) and that system's id for the change. Together they identify the change: the same
/// source change delivered twice MUST produce its events only once.
/// </summary>
/// <param name="System">The installation id or other source system name.</param>
/// <param name="SourceEventId">The source's id for the change (a vendor mutation number, an e-book event id).</param>
public sealed record EventSource(string System, string SourceEventId);
