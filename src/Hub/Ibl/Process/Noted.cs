namespace Lsb.Hub.Ibl.Process;

/// <summary>Something worth a history line that changes nothing (e.g. an ISO 18626 message that came too late).</summary>
public sealed record Noted(string Actor, string Cause, string What, string? Note, string? Agency) : IblInput(Actor, Cause);
