namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>An ISO 18626 message the hub sends to a peer (<c>ibl_iso_messages</c>).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Peer">The peer's agency id.</param>
/// <param name="Kind">What it is, e.g. <c>request</c>, <c>supplyingAgencyMessage:Loaned</c>, <c>requestingAgencyMessage:Cancel</c>.</param>
/// <param name="Xml">The message.</param>
public sealed record IsoOutboundMessage(string Id, string RequestId, string Peer, string Kind, string Xml);
