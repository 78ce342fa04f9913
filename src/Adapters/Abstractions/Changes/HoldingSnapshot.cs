using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Adapters.Changes;

/// <summary>The current state of a copy at the source.</summary>
public sealed record HoldingSnapshot : CanonicalChange
{
    /// <summary>Owning library.</summary>
    public required Isil Isil { get; init; }
    /// <summary>Barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>Title identifiers.</summary>
    public required BibliographicIds Bibliographic { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Author.</summary>
    public string? Author { get; init; }
    /// <summary>Material type.</summary>
    public required MaterialType MaterialType { get; init; }
    /// <summary>Location in the library.</summary>
    public string? Location { get; init; }
    /// <summary>Shelfmark.</summary>
    public string? Shelfmark { get; init; }
    /// <summary>Canonical status.</summary>
    public required HoldingStatus Status { get; init; }
    /// <summary>Vendor status code.</summary>
    public string? RawStatus { get; init; }
    /// <summary>Lendable through IBL.</summary>
    public required bool LendableForIbl { get; init; }
}
