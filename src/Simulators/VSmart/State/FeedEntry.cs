namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>One entry of a web-service change feed: number (1, 2, 3… per feed, never reused), when, what kind, and the
/// record as it was right after the change.</summary>
internal sealed record FeedEntry<T>(long Number, DateTimeOffset At, string Kind, T Record);
