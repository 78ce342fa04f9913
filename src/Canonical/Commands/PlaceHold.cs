namespace Lsb.Hub.Canonical.Commands;

/// <summary>Place a hold (request) at a library: at the lender for interlibrary loan, or locally.</summary>
public sealed record PlaceHold : IlsCommand
{
    /// <summary>Who the hold is for (at a lender: the borrowing library's institutional patron).</summary>
    public required PatronRef Patron { get; init; }
    /// <summary>A specific copy, if the hold is item-level.</summary>
    public ItemRef? Item { get; init; }
    /// <summary>The title, if the hold is title-level (local record id, ISBN or PPN).</summary>
    public string? TitleId { get; init; }
    /// <summary>Where the copy is to be picked up (an ISIL or branch).</summary>
    public string? PickupLocation { get; init; }
    /// <summary>The hub's request id, echoed back by systems that support external references.</summary>
    public string? ExternalRequestId { get; init; }
}
