namespace Lsb.Hub.Bench;

/// <summary>The process's garbage-collection totals at one moment; subtract two to get what happened between them.</summary>
internal readonly record struct GcCounts(long Allocated, TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static GcCounts Now() => new(GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcCounts operator -(GcCounts later, GcCounts earlier) => new(later.Allocated - earlier.Allocated,
        later.Paused - earlier.Paused, later.Gen0 - earlier.Gen0, later.Gen1 - earlier.Gen1, later.Gen2 - earlier.Gen2);
}
