namespace Lsb.Hub.Ibl.Process;

/// <summary>An ISO 18626 message could not be delivered, or the peer answered it with an error.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="MessageKind">What was sent (<c>request</c>, <c>requestingAgencyMessage:Cancel</c>, …).</param>
/// <param name="Error">What went wrong.</param>
public sealed record IsoDeliveryFailed(string Peer, string MessageKind, string Error) : IblInput("iso18626:" + Peer, "iso18626");
