namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>Why a message is answered with ERROR: the type and <c>field: explanation</c>.</summary>
public sealed record Iso18626Error(Iso18626ErrorType Type, string Value);
