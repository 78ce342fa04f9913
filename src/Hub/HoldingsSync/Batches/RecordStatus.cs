namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>The delivery state of one record of a batch.</summary>
public enum RecordStatus
{
    /// <summary>Not yet acknowledged by the target: it will be sent (or its report fetched) by the next delivery attempt.</summary>
    Pending,
    /// <summary>The target applied it.</summary>
    Accepted,
    /// <summary>The target refused it; a failed message names the copy and the reason.</summary>
    Rejected,
    /// <summary>The catalogue cannot hold the copy: no title identifier at the hub, or a title the catalogue does not know.</summary>
    Unmatched,
    /// <summary>Rejected, then delivered (or found unnecessary) when its failed message was replayed.</summary>
    Resolved,
    /// <summary>Rejected, and a later batch carried the copy's newer state; replaying it does nothing.</summary>
    Superseded,
}
