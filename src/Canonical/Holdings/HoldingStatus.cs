namespace Lsb.Hub.Canonical.Holdings;

/// <summary>The canonical circulation status of a copy. The vendor's raw code is kept next to it.</summary>
public enum HoldingStatus
{
    /// <summary>On the shelf, can be lent.</summary>
    Available,
    /// <summary>Lent to a member.</summary>
    OnLoan,
    /// <summary>On the way between branches or libraries.</summary>
    InTransit,
    /// <summary>Waiting on the hold shelf for a member.</summary>
    OnHoldShelf,
    /// <summary>Being processed (new, repair, cataloguing).</summary>
    InProcessing,
    /// <summary>Reference copy, not for loan.</summary>
    NotForLoan,
    /// <summary>Missing or lost.</summary>
    Missing,
    /// <summary>Withdrawn from the collection.</summary>
    Withdrawn,
}
