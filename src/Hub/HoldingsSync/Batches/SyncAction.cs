namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>What a record asks the catalogue to do with a copy.</summary>
public enum SyncAction
{
    /// <summary>A copy the catalogue does not hold (GGC leader/05 n; WorldCat PUT that creates).</summary>
    Add,
    /// <summary>A copy the catalogue holds differently (GGC leader/05 c; WorldCat PUT that replaces).</summary>
    Change,
    /// <summary>A copy the library no longer has (GGC leader/05 d; WorldCat DELETE).</summary>
    Delete,
}
