namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>What a confirmation says: the echoed header ids, when, and OK or the error.</summary>
public sealed record Iso18626Confirmation
{
    /// <summary>Echo of supplyingAgencyId.</summary>
    public string? SupplyingAgency { get; init; }
    /// <summary>Echo of requestingAgencyId.</summary>
    public string? RequestingAgency { get; init; }
    /// <summary>Echo of requestingAgencyRequestId.</summary>
    public string? RequestingAgencyRequestId { get; init; }
    /// <summary>Echo of multipleItemRequestId.</summary>
    public string? MultipleItemRequestId { get; init; }
    /// <summary>Echo of reasonForMessage (supplying-agency messages), when it is a valid value.</summary>
    public string? ReasonForMessage { get; init; }
    /// <summary>Echo of action (requesting-agency messages), when it is a valid value.</summary>
    public string? Action { get; init; }
    /// <summary>When the confirmation was written.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    /// <summary>The message's own timestamp, or when it arrived.</summary>
    public required DateTimeOffset TimestampReceived { get; init; }
    /// <summary>Null for OK.</summary>
    public Iso18626Error? Error { get; init; }
}
