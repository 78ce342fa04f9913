namespace Lsb.Hub.HoldingsSync;

/// <summary>Configuration <c>HoldingsSync:Libraries:{isil}</c>: how one library is synchronised.</summary>
public sealed class LibrarySyncOptions
{
    /// <summary>The target; <see cref="HoldingsSyncOptions.DefaultTarget"/> when not set.</summary>
    public SyncTargetKind? Target { get; set; }

    /// <summary>The library's ILN in GGC; names its files (the ISIL when not set).</summary>
    public string? Iln { get; set; }

    /// <summary>The library's OCLC institution symbol (852 $a of its LHRs); <see cref="WorldCatTargetOptions.DefaultSymbol"/> when not set.</summary>
    public string? WorldCatSymbol { get; set; }
}
