namespace Lsb.Hub.Holdings;

/// <summary>A page of copies across libraries that hold a title.</summary>
/// <param name="Query">The identifiers searched, normalised.</param>
/// <param name="Holdings">The copies, ordered by canonical id.</param>
/// <param name="Next">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record HoldingSearchPage(HoldingSearchQuery Query, IReadOnlyList<HoldingView> Holdings, string? Next);

/// <summary>The identifiers of a holdings lookup, as the index stores them.</summary>
/// <param name="Isbn">ISBN-13.</param>
/// <param name="Ppn">PPN.</param>
/// <param name="Oclc">OCLC number.</param>
public sealed record HoldingSearchQuery(string? Isbn, string? Ppn, string? Oclc);
