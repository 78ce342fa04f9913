namespace Lsb.Hub.Ibl.Process;

/// <summary>The borrowing library acted: its staff over the API, or an ISO 18626 requester's message.</summary>
public sealed record BorrowerActed(string Actor, string Cause, BorrowerAction Action, string? Note = null) : IblInput(Actor, Cause);
