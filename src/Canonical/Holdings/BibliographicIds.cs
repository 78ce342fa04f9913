using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Holdings;

/// <summary>
/// The identifiers that tie a copy to a title: ISBN/EAN, the PPN of the Dutch national catalogue (GGC/NBC+),
/// the OCLC (WorldCat) number, and the record id in the library's own catalogue.
/// </summary>
/// <param name="Isbn">ISBN-13 or EAN, digits only where possible.</param>
/// <param name="Ppn">Pica production number (GGC/NBC+).</param>
/// <param name="OclcNumber">WorldCat number.</param>
/// <param name="LocalRecordId">The title's record id in the source system.</param>
public sealed record BibliographicIds(string? Isbn, string? Ppn, string? OclcNumber, string? LocalRecordId)
{
    /// <summary>True when at least one identifier a national catalogue can match on (ISBN, PPN, OCLC) is present.</summary>
    [JsonIgnore]
    public bool HasNationalIdentifier => !string.IsNullOrEmpty(Isbn) || !string.IsNullOrEmpty(Ppn) || !string.IsNullOrEmpty(OclcNumber);
}
