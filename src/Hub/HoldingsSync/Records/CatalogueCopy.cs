using Lsb.Hub.Holdings;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.HoldingsSync.Records;

/// <summary>
/// A copy as a national catalogue sees it: which title (PPN, ISBN-13, OCLC number), which library, where it stands,
/// its barcode, material type and whether it is lent through IBL. Its circulation status is deliberately NOT part of
/// it: loans and returns would otherwise flood the daily files (78 million loans a year) with changes a catalogue
/// does not keep.
/// </summary>
/// <param name="HoldingId">The canonical copy id (001 of GGC records; the basis of WorldCat control numbers).</param>
/// <param name="Isil">The owning library.</param>
/// <param name="Barcode">The barcode.</param>
/// <param name="Ppn">GGC's title number.</param>
/// <param name="Isbn13">ISBN as 13 digits.</param>
/// <param name="OclcNumber">WorldCat's title number.</param>
/// <param name="Location">The department or shelving location.</param>
/// <param name="Shelfmark">The call number.</param>
/// <param name="MaterialType">Canonical material type.</param>
/// <param name="LendableForIbl">Lent through interlibrary loan.</param>
/// <param name="KnownBibReference">For a copy the hub no longer has: the 004 the catalogue holds it under.</param>
public sealed record CatalogueCopy(string HoldingId, string Isil, string? Barcode, string? Ppn, string? Isbn13, string? OclcNumber,
    string? Location, string? Shelfmark, string? MaterialType, bool LendableForIbl, string? KnownBibReference = null)
{
    /// <summary>The copy as the hub holds it now.</summary>
    public static CatalogueCopy From(HoldingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new CatalogueCopy(row.Id, row.Isil, Blank(row.Barcode), TitleKeys.Ppn(row.Ppn), Holdings.Isbn.Normalise(row.Isbn), TitleKeys.Oclc(row.OclcNumber),
            Blank(row.Location), Blank(row.Shelfmark), row.MaterialType, row.IblLendable);
    }

    /// <summary>A copy the hub no longer has (withdrawn, or moved to another library), known only by what the catalogue holds.</summary>
    public static CatalogueCopy Gone(string holdingId, string isil, string? barcode, string? bibReference)
        => new(holdingId, isil, barcode, null, null, null, null, null, null, false, bibReference);

    /// <summary>True when the catalogue can attach it to a title by PPN, ISBN or OCLC number.</summary>
    public bool HasTitleIdentifier => Ppn is not null || Isbn13 is not null || OclcNumber is not null;

    /// <summary>
    /// The bibliographic reference GGC holds it under (004): the PPN; else <c>(ISBN)</c> + ISBN-13; else <c>(OCoLC)</c> +
    /// OCLC number; null when there is none.
    /// </summary>
    public string? BibReference => KnownBibReference ?? Ppn ?? (Isbn13 is not null ? "(ISBN)" + Isbn13 : OclcNumber is not null ? "(OCoLC)" + OclcNumber : null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
