namespace Lsb.Hub.Ibl.Model;

/// <summary>One lender in a request's rota (<c>ibl_rota</c>), in the order the rota policy chose.</summary>
public sealed class RotaEntry
{
    public string RequestId { get; set; } = "";
    public int Position { get; set; }
    /// <summary>The lender: a Dutch ISIL (adapter) or an external agency symbol (ISO 18626).</summary>
    public string Agency { get; set; } = "";
    public LenderChannel Channel { get; set; }
    public string? InstallationId { get; set; }
    /// <summary>The copy chosen at this lender (canonical id), for an item-level hold.</summary>
    public string? HoldingId { get; set; }
    public string? Barcode { get; set; }
    public string? LocalRecordId { get; set; }
    public string? Location { get; set; }
    public RotaEntryStatus Status { get; set; }
    public string? Reason { get; set; }
    /// <summary>ISO 18626 lenders: the requestingAgencyRequestId the hub used towards them.</summary>
    public string? PeerRequestId { get; set; }
    public string? RemindedAt { get; set; }
    public string UpdatedAt { get; set; } = "";

    /// <summary>Set when the entry changed in the current decision.</summary>
    public bool Dirty { get; set; }

    /// <summary>Set when the entry is new in the current decision.</summary>
    public bool IsNew { get; set; }
}
