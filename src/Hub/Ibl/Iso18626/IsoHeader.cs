namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>The header of an ISO 18626 message the hub writes.</summary>
/// <param name="SupplyingAgency">supplyingAgencyId (type ISIL).</param>
/// <param name="RequestingAgency">requestingAgencyId (type ISIL).</param>
/// <param name="Timestamp">When the message is written.</param>
/// <param name="RequestingAgencyRequestId">The requester's id of the transaction.</param>
/// <param name="SupplyingAgencyRequestId">The supplier's id of it, if any.</param>
public sealed record IsoHeader(string SupplyingAgency, string RequestingAgency, DateTimeOffset Timestamp, string RequestingAgencyRequestId,
    string? SupplyingAgencyRequestId);
