namespace Lsb.Hub.Bench.SnapshotDiff;

/// <summary>What one read of the feed produced: changes served, canonical events translated from them (0 when not translated),
/// changes whose translation failed, the wall time and the cursor at the end.</summary>
internal sealed record DiffOutcome(long Changes, long Events, long Failed, TimeSpan Elapsed, string Cursor);
