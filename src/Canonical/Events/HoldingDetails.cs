using Lsb.Hub.Canonical.Holdings;

namespace Lsb.Hub.Canonical.Events;

/// <summary>What holding events say about a copy.</summary>
/// <param name="Barcode">The copy's barcode.</param>
/// <param name="Bibliographic">Title identifiers.</param>
/// <param name="Title">Title proper.</param>
/// <param name="Author">Main author.</param>
/// <param name="MaterialType">Canonical material type.</param>
/// <param name="Location">Location in the library.</param>
/// <param name="Shelfmark">Call number.</param>
/// <param name="Status">Canonical status.</param>
/// <param name="RawStatus">The vendor's status code.</param>
/// <param name="LendableForIbl">Lendable through interlibrary loan.</param>
public sealed record HoldingDetails(
    string? Barcode,
    BibliographicIds Bibliographic,
    string Title,
    string? Author,
    MaterialType MaterialType,
    string? Location,
    string? Shelfmark,
    HoldingStatus Status,
    string? RawStatus,
    bool LendableForIbl)
{
    /// <summary>The details of a holding.</summary>
    public static HoldingDetails Of(Holding holding)
    {
        ArgumentNullException.ThrowIfNull(holding);
        return new HoldingDetails(holding.Barcode, holding.Bibliographic, holding.Title, holding.Author, holding.MaterialType,
            holding.Location, holding.Shelfmark, holding.Status, holding.RawStatus, holding.LendableForIbl);
    }
}
