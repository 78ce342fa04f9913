using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Holdings;

/// <summary>A holding: one physical copy owned by one library.</summary>
public sealed record Holding
{
    /// <summary>The canonical id.</summary>
    public required HoldingId Id { get; init; }
    /// <summary>The owning library.</summary>
    public required Isil Isil { get; init; }
    /// <summary>The copy's barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>The title's identifiers.</summary>
    public required BibliographicIds Bibliographic { get; init; }
    /// <summary>Title proper.</summary>
    public required string Title { get; init; }
    /// <summary>Main author.</summary>
    public string? Author { get; init; }
    /// <summary>Canonical material type.</summary>
    public required MaterialType MaterialType { get; init; }
    /// <summary>Where in the library the copy lives (branch department, e.g. "Volwassenen romans").</summary>
    public string? Location { get; init; }
    /// <summary>The shelfmark (call number), e.g. "ROMAN MULI".</summary>
    public string? Shelfmark { get; init; }
    /// <summary>Canonical circulation status.</summary>
    public required HoldingStatus Status { get; init; }
    /// <summary>The vendor's own status code, kept for diagnosis.</summary>
    public string? RawStatus { get; init; }
    /// <summary>Whether the library lends this copy through interlibrary loan.</summary>
    public required bool LendableForIbl { get; init; }
}
