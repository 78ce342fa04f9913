using Lsb.Hub.Installations;

namespace Lsb.Hub.Consolidation;

/// <summary>A move as validated: the installations resolved and every map line with the canonical id it keeps.</summary>
/// <param name="Isil">The library's current ISIL.</param>
/// <param name="Source">The installation it leaves.</param>
/// <param name="SourceVendorLibraryId">Its id there.</param>
/// <param name="LibraryName">Its display name.</param>
/// <param name="Target">The installation it joins.</param>
/// <param name="TargetVendorLibraryId">Its id there.</param>
/// <param name="MergeInto">Merger: the ISIL that becomes current; null for a plain move.</param>
/// <param name="CutOverAt">When the target takes over.</param>
/// <param name="OverlapUntil">When the source stops reading the library.</param>
/// <param name="Bindings">Map lines with the canonical id each keeps.</param>
public sealed record MovePlan(
    string Isil,
    Installation Source,
    string SourceVendorLibraryId,
    string? LibraryName,
    Installation Target,
    string TargetVendorLibraryId,
    string? MergeInto,
    DateTimeOffset CutOverAt,
    DateTimeOffset OverlapUntil,
    IReadOnlyList<Binding> Bindings);
