using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.Ibl.Model;

/// <summary>
/// An interlibrary-loan request as stored (<c>ibl_requests</c>). Changed only by <see cref="Process.IblStateMachine"/>
/// inside <see cref="Process.IblProcess"/>, which saves it with optimistic concurrency on <see cref="Version"/>.
/// Holds the member's canonical id only for requests of Dutch libraries; the lender NEVER sees it (see
/// <see cref="PatronPseudonym"/>).
/// </summary>
public sealed class IblRequest
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public IblRequestState State { get; set; }
    public IblOrigin Origin { get; set; }
    /// <summary>A Dutch library's ISIL, or an external agency's symbol.</summary>
    public string RequestingAgency { get; set; } = "";
    public string? MemberId { get; set; }
    /// <summary>The pseudonym that stands for the member towards lenders.</summary>
    public string? PatronPseudonym { get; set; }
    /// <summary>The external agency's own request id (ISO 18626 requestingAgencyRequestId).</summary>
    public string? PeerRequestId { get; set; }
    /// <summary>Suppliers an external agency suggested (supplierInfo), comma-separated, in its order.</summary>
    public string? SuggestedSuppliers { get; set; }
    public string? Isbn { get; set; }
    public string? Ppn { get; set; }
    public string? OclcNumber { get; set; }
    public string? Title { get; set; }
    public string? Author { get; set; }
    public string? PickupLocation { get; set; }
    public int? CurrentPosition { get; set; }
    public string? LenderAgency { get; set; }
    public string? LenderHoldId { get; set; }
    public string? HoldingId { get; set; }
    public string? ItemBarcode { get; set; }
    public string? TempItemId { get; set; }
    public string? DueAt { get; set; }
    public int Renewals { get; set; }
    public string? Reason { get; set; }
    /// <summary>Something staff must look at (a step the adapter refused), or null.</summary>
    public string? Attention { get; set; }
    public int NextSeq { get; set; }
    /// <summary>ISO 18626 messages sent to an external requester so far (the first answers the request).</summary>
    public int MessagesToRequester { get; set; }
    public string CreatedAt { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? EndedAt { get; set; }

    /// <summary>True once the request can change no more.</summary>
    public bool IsTerminal => IblStates.IsTerminal(State);
}
