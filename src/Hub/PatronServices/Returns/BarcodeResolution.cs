namespace Lsb.Hub.PatronServices.Returns;

/// <summary>
/// Which copy a barcode handed in at a library means, when several installations use the same barcode: the returning
/// library's own installation first, then its region (the installations run by the same POI). When that still leaves
/// more than one — or none of several is near — the barcode is ambiguous and NEVER guessed.
/// </summary>
public static class BarcodeResolution
{
    /// <summary>The copy meant, or null with the copies it could be (empty when there are none).</summary>
    public static (CopyCandidate? Copy, IReadOnlyList<CopyCandidate> Candidates) Resolve(IReadOnlyList<CopyCandidate> candidates, string returningInstallationId,
        string returningPoi)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 1) return (candidates[0], candidates);
        if (candidates.Count == 0) return (null, candidates);
        var own = candidates.Where(c => c.InstallationId == returningInstallationId).ToList();
        if (own.Count == 1) return (own[0], candidates);
        if (own.Count > 1) return (null, own);
        var region = candidates.Where(c => c.OwningPoi == returningPoi).ToList();
        if (region.Count == 1) return (region[0], candidates);
        return (null, region.Count > 1 ? region : candidates);
    }
}
