namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A copy to add; null fields are generated.</summary>
public sealed record CopyDraft
{
    /// <summary>Library code.</summary>
    public string? LibraryCode { get; init; }
    /// <summary>Branch code.</summary>
    public string? BranchCode { get; init; }
    /// <summary>Barcode.</summary>
    public string? Barcode { get; init; }
    /// <summary>An existing title number to add a copy of.</summary>
    public string? TitleNumber { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>Author.</summary>
    public string? Author { get; init; }
    /// <summary>ISBN.</summary>
    public string? Isbn { get; init; }
    /// <summary>Material code: BK, GL, LB, CD, DVD, BR, TS, SP, BM, ST.</summary>
    public string? Material { get; init; }
    /// <summary>Status code: A, U, T, R, V, X, N, B.</summary>
    public string? Status { get; init; }
    /// <summary>Lendable through interlibrary loan.</summary>
    public bool? LendableForIbl { get; init; }
}
