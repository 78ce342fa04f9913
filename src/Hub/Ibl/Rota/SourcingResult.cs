namespace Lsb.Hub.Ibl.Rota;

/// <summary>The lenders sourcing found, in rota order, and the title as the holdings name it.</summary>
public sealed record SourcingResult(IReadOnlyList<LenderCandidate> Lenders, string? Title, string? Author);
