namespace Lsb.Hub.Simulators.Wise;

/// <summary>A copy to add through the control API; every field left null is generated.</summary>
public sealed record ItemDraft
{
    /// <summary>Title (titel).</summary>
    public string? Title { get; init; }
    /// <summary>Author (auteur).</summary>
    public string? Author { get; init; }
    /// <summary>ISBN.</summary>
    public string? Isbn { get; init; }
    /// <summary>Barcode (exemplaarnummer); MUST be unique in the installation.</summary>
    public string? Barcode { get; init; }
    /// <summary>An existing title number, to add a copy of a title that is already there.</summary>
    public string? TitleNumber { get; init; }
    /// <summary>Branch id; the library's main branch when null.</summary>
    public string? BranchId { get; init; }
    /// <summary>Material type code (e.g. BOEK, DVD).</summary>
    public string? MaterialType { get; init; }
    /// <summary>Status code; BES (available) when null.</summary>
    public string? Status { get; init; }
    /// <summary>Lendable through interlibrary loan; true when null.</summary>
    public bool? LendableForIbl { get; init; }
}
