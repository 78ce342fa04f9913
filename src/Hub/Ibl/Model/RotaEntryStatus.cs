namespace Lsb.Hub.Ibl.Model;

/// <summary>Where a rota entry stands.</summary>
public enum RotaEntryStatus
{
    /// <summary>Not asked yet.</summary>
    Candidate,
    /// <summary>The current lender.</summary>
    Selected,
    /// <summary>Said it cannot supply (or its system refused the hold).</summary>
    Unfilled,
    /// <summary>Did not answer in time.</summary>
    NoAnswer,
    /// <summary>Not asked: could not be reached (unknown agency, no copy).</summary>
    Skipped,
    /// <summary>Shipped the copy.</summary>
    Supplying,
    /// <summary>The request was cancelled while this lender had it.</summary>
    Cancelled,
}
