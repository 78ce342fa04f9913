using Lsb.Hub.Ibl.Rota;

namespace Lsb.Hub.Ibl.Process;

/// <summary>Sourcing found these lenders, in rota order (possibly none).</summary>
public sealed record RotaFound(string StepId, IReadOnlyList<LenderCandidate> Lenders, string? Title, string? Author) : IblInput("hub", "hub");
