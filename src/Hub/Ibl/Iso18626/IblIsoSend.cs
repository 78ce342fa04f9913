namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>Bus message: send the recorded ISO 18626 message <paramref name="MessageId"/> to its peer.</summary>
public sealed record IblIsoSend(string RequestId, string MessageId);
