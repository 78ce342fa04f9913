namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A copy to add; null fields are generated. Without <see cref="TitleNumber"/> a new title is catalogued.</summary>
public sealed record CopyDraft
{
    /// <summary>An existing title to add the copy to.</summary>
    public string? TitleNumber { get; init; }
    /// <summary>Title of a new title record.</summary>
    public string? Title { get; init; }
    /// <summary>Author of a new title record ("Given Family").</summary>
    public string? Author { get; init; }
    /// <summary>ISBN of a new title record.</summary>
    public string? Isbn { get; init; }
    /// <summary>Material code of a new title record (e.g. <c>BK</c>).</summary>
    public string? MaterialCode { get; init; }
    /// <summary>Barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>Branch code.</summary>
    public string? BranchCode { get; init; }
    /// <summary>Item status code (e.g. <c>AV</c>).</summary>
    public string? Status { get; init; }
    /// <summary>Lending policy code (876 $h): <c>IBL</c> or <c>LOC</c>.</summary>
    public string? Policy { get; init; }
}
