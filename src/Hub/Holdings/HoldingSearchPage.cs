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
public sealed record HoldingSearchQuery(string? Isbn, string? Ppn, string? Oclc)
{
    /// <summary>
    /// The query for identifiers as a library, a member or an ISO 18626 peer wrote them (ISBN-10 or -13 with hyphens,
    /// <c>(OCoLC)</c> or <c>ocm</c> prefixes, leading zeros, …), normalised exactly as the index stores them. NEVER throws:
    /// an ISBN that is not one stays searchable as its own cleaned spelling.
    /// </summary>
    public static HoldingSearchQuery Of(string? isbn, string? ppn, string? oclc)
        => new(global::Lsb.Hub.Holdings.Isbn.Normalise(isbn), TitleKeys.Ppn(ppn), TitleKeys.Oclc(oclc));

    /// <summary>True when no identifier is left to search by.</summary>
    public bool IsEmpty => Isbn is null && Ppn is null && Oclc is null;
}
