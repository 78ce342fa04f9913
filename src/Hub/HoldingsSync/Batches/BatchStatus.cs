namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>The delivery state of a batch.</summary>
public enum BatchStatus
{
    /// <summary>Cut, not yet attempted.</summary>
    Open,
    /// <summary>At least one attempt made; some records not yet acknowledged.</summary>
    Delivering,
    /// <summary>Every record acknowledged (accepted, rejected or unmatched).</summary>
    Delivered,
}
