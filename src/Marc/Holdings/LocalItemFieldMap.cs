namespace Lsb.Hub.Marc.Holdings;

/// <summary>
/// Where a library system keeps item data in a local field (9XX) of a bibliographic record. Each occurrence of
/// <see cref="Tag"/> is one item. Codes left null are not read. Bind it from configuration per installation
/// (e.g. <c>Adapters:Brocade:ItemField</c>); validate with <see cref="Validate"/> at start-up.
/// </summary>
public sealed record LocalItemFieldMap
{
    /// <summary>The local tag, e.g. <c>952</c> (Koha) or <c>949</c>; MUST be three characters.</summary>
    public string Tag { get; init; } = "952";

    /// <summary>Subfield holding the barcode.</summary>
    public char? Barcode { get; init; }

    /// <summary>Subfield holding the branch or institution.</summary>
    public char? Location { get; init; }

    /// <summary>Subfield holding the collection or sublocation.</summary>
    public char? Sublocation { get; init; }

    /// <summary>Subfield holding the shelving location.</summary>
    public char? ShelvingLocation { get; init; }

    /// <summary>Subfield holding the call number / shelfmark.</summary>
    public char? CallNumber { get; init; }

    /// <summary>Subfield holding the item status.</summary>
    public char? Status { get; init; }

    /// <summary>Subfield holding the copy number.</summary>
    public char? CopyNumber { get; init; }

    /// <summary>Subfield holding a public note.</summary>
    public char? PublicNote { get; init; }

    /// <summary>Koha's 952: $p barcode, $a home branch, $b holding branch (as sublocation), $c shelving location, $o call number, $7 not-for-loan status, $t copy number, $z public note.</summary>
    public static LocalItemFieldMap Koha { get; } = new()
    {
        Tag = "952", Barcode = 'p', Location = 'a', Sublocation = 'b', ShelvingLocation = 'c', CallNumber = 'o', Status = '7', CopyNumber = 't', PublicNote = 'z',
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong when the map cannot work.</summary>
    public void Validate()
    {
        if (Tag is not { Length: 3 })
        {
            throw new ArgumentException($"LocalItemFieldMap.Tag '{Tag}' must be a three-character MARC tag such as 952.", nameof(Tag));
        }

        if (MarcField.IsControlTag(Tag))
        {
            throw new ArgumentException($"LocalItemFieldMap.Tag '{Tag}' is a control field; item data lives in a data field (usually 9XX).", nameof(Tag));
        }

        if (Barcode is null && CallNumber is null && Location is null)
        {
            throw new ArgumentException($"LocalItemFieldMap for {Tag} maps neither barcode, call number nor location: set at least one subfield code.", nameof(Barcode));
        }
    }
}
