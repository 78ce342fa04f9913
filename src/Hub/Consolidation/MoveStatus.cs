namespace Lsb.Hub.Consolidation;

/// <summary>Where a move is. Steps run in this order; each is idempotent, so a restarted hub resumes at its step.</summary>
public enum MoveStatus
{
    /// <summary>Validated and stored; the target's id-map entries are being made.</summary>
    Rebinding,

    /// <summary>Every map entry is rebound; waiting for the cut-over time.</summary>
    WaitingForCutOver,

    /// <summary>Cut over: the target is the library's installation; the source is still read until the overlap ends.</summary>
    Overlap,

    /// <summary>Done: the source no longer reads the library.</summary>
    Completed,
}
