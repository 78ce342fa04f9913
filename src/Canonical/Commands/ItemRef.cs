using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Commands;

/// <summary>A copy as a command names it.</summary>
/// <param name="HoldingId">Canonical id, when known.</param>
/// <param name="LocalId">The copy's id in the target installation.</param>
/// <param name="Barcode">The copy's barcode.</param>
public sealed record ItemRef(HoldingId? HoldingId, string? LocalId, string? Barcode);
