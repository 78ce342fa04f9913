namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>How one library is synchronised right now, resolved from configuration.</summary>
/// <param name="Isil">The library.</param>
/// <param name="Kind">Its target.</param>
/// <param name="Target">The target, or null when <see cref="Kind"/> is None.</param>
/// <param name="Iln">Its GGC ILN, if configured.</param>
/// <param name="Symbol">Its OCLC institution symbol (WorldCat).</param>
/// <param name="Problem">Why the library cannot be synchronised now (what to configure), or null.</param>
public sealed record LibraryTarget(string Isil, SyncTargetKind Kind, IHoldingsSyncTarget? Target, string? Iln, string? Symbol, string? Problem)
{
    /// <summary>True when batches can be cut and delivered.</summary>
    public bool Usable => Problem is null && Target is not null;

    /// <summary>The stem of file names and batch labels: the ILN for GGC when known, else the ISIL.</summary>
    public string LabelStem => Kind == SyncTargetKind.Ggc && !string.IsNullOrWhiteSpace(Iln) ? Iln! : Isil;
}
