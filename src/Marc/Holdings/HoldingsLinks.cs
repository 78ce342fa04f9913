namespace Lsb.Hub.Marc.Holdings;

/// <summary>The links of a holdings record: 004 (control number of the bibliographic record) and 014 $a linkage numbers.</summary>
public sealed record HoldingsLinks(string? BibliographicControlNumber, IReadOnlyList<string> LinkageNumbers);
