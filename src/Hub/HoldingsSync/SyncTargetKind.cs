namespace Lsb.Hub.HoldingsSync;

/// <summary>Which national catalogue a library's holdings are kept in step with.</summary>
public enum SyncTargetKind
{
    /// <summary>Not synchronised (the copies are still in the union holdings index).</summary>
    None,
    /// <summary>GGC: a daily file of MARC 21 holdings records per library, with an import report.</summary>
    Ggc,
    /// <summary>WorldCat: local holdings records through the Metadata API.</summary>
    WorldCat,
}
