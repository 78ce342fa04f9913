namespace Lsb.Hub.PatronServices;

/// <summary>A copy the union holdings hold under a barcode.</summary>
/// <param name="HoldingId">Canonical holding id.</param>
/// <param name="Isil">The library (location) that owns the copy.</param>
/// <param name="InstallationId">The installation that holds the copy.</param>
/// <param name="OwningPoi">The POI that runs that installation (the copy's region).</param>
/// <param name="LocalId">The copy's id in its installation, when the id map has it.</param>
/// <param name="Barcode">The barcode.</param>
/// <param name="Title">For display.</param>
public sealed record CopyCandidate(string HoldingId, string Isil, string InstallationId, string OwningPoi, string? LocalId, string Barcode, string Title);
