namespace Lsb.Hub.Marc.Holdings;

/// <summary>
/// One physical copy as MARC describes it: read from 876-878 (with the location of the 852 they link to), from an 852
/// that carries a piece designation, or from a library system's local item field (9XX) through a
/// <see cref="LocalItemFieldMap"/>; also the input of <see cref="MarcHoldingsBuilder"/>. Values are as catalogued
/// (NEVER mapped to hub codes here: status and location codes are vendor vocabulary the adapters translate).
/// </summary>
public sealed record HoldingsItem
{
    /// <summary>Barcode: 876-878 $p / 852 $p piece designation, or the mapped local subfield.</summary>
    public string? Barcode { get; init; }

    /// <summary>Holding institution or branch: 852 $a, or the mapped local subfield.</summary>
    public string? Location { get; init; }

    /// <summary>Collection or sublocation: 852 $b, or the mapped local subfield.</summary>
    public string? Sublocation { get; init; }

    /// <summary>Shelving location: 852 $c, or a temporary location 876 $l.</summary>
    public string? ShelvingLocation { get; init; }

    /// <summary>Call number / shelfmark: 852 $k $h $i $m joined, or the mapped local subfield.</summary>
    public string? CallNumber { get; init; }

    /// <summary>Item status as catalogued: 876-878 $j, or the mapped local subfield.</summary>
    public string? Status { get; init; }

    /// <summary>Copy number: 876-878 $t / 852 $t.</summary>
    public string? CopyNumber { get; init; }

    /// <summary>Internal item number: 876-878 $a.</summary>
    public string? InternalItemNumber { get; init; }

    /// <summary>Public note: $z.</summary>
    public string? PublicNote { get; init; }

    /// <summary>Nonpublic (staff) note: $x.</summary>
    public string? NonpublicNote { get; init; }

    /// <summary>Field link and sequence number ($8), e.g. <c>1.2</c>.</summary>
    public string? LinkAndSequence { get; init; }

    /// <summary>The tag the item was read from (876, 877, 878, 852 or the local tag); null for items built in memory.</summary>
    public string? SourceTag { get; init; }
}
