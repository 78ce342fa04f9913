namespace Lsb.Hub.Marc.Holdings;

/// <summary>
/// Reads holdings data out of MARC 21 records, holdings (leader/06 x, y, v, u) and bibliographic records with embedded
/// holdings alike: 852 locations, 866-868 textual holdings, 876-878 items, 004/014 links, and local 9XX item fields.
/// Pure functions of the record; NEVER throw for missing or odd data (absent subfields are null).
/// </summary>
public static class MarcHoldings
{
    /// <summary>Every 852 in record order.</summary>
    public static IReadOnlyList<HoldingsLocation> ReadLocations(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = new List<HoldingsLocation>();
        foreach (var field in record.GetDataFields("852"))
        {
            result.Add(new HoldingsLocation
            {
                Institution = field['a'],
                Sublocations = field.GetValues('b'),
                ShelvingLocation = field['c'],
                CallNumberPrefix = field['k'],
                ClassificationPart = field['h'],
                ItemParts = field.GetValues('i'),
                CallNumberSuffix = field['m'],
                ShelvingControlNumber = field['j'],
                PieceDesignation = field['p'],
                CopyNumber = field['t'],
                PublicNotes = field.GetValues('z'),
                NonpublicNotes = field.GetValues('x'),
                LinkAndSequence = field['8'],
                ShelvingScheme = field.Indicator1,
            });
        }

        return result;
    }

    /// <summary>Every 866 (basic unit), 867 (supplements) and 868 (indexes) statement, in record order.</summary>
    public static IReadOnlyList<TextualHoldings> ReadTextualHoldings(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = new List<TextualHoldings>();
        foreach (var field in record.Fields)
        {
            if (field is not MarcDataField data || KindOf(field.Tag, "866", "867", "868") is not { } kind)
            {
                continue;
            }

            result.Add(new TextualHoldings((TextualHoldingsKind)kind, data['a'] ?? string.Empty, data.GetValues('z'), data.GetValues('x'), data['8'], data.Indicator1, data.Indicator2));
        }

        return result;
    }

    /// <summary>004 bibliographic control number and 014 $a linkage numbers.</summary>
    public static HoldingsLinks ReadLinks(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var linkage = new List<string>();
        foreach (var field in record.GetDataFields("014"))
        {
            linkage.AddRange(field.GetValues('a'));
        }

        return new HoldingsLinks(record.GetControlField("004")?.Value, linkage);
    }

    /// <summary>
    /// The items of a record: each 876/877/878 (located by the 852 its $8 link number points to, or the only or first
    /// 852); each 852 with a piece designation ($p) that no 876-878 links to; and, when <paramref name="localItems"/>
    /// is given, each occurrence of its local field.
    /// </summary>
    public static IReadOnlyList<HoldingsItem> ReadItems(MarcRecord record, LocalItemFieldMap? localItems = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var locations = record.GetDataFields("852");
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<HoldingsItem>();
        foreach (var field in record.Fields)
        {
            if (field is not MarcDataField data || KindOf(field.Tag, "876", "877", "878") is null)
            {
                continue;
            }

            var link = data['8'];
            var location = FindLocation(locations, link);
            if (location?['8'] is { } locationLink)
            {
                linked.Add(locationLink);
            }

            items.Add(new HoldingsItem
            {
                Barcode = data['p'],
                Status = data['j'],
                CopyNumber = data['t'] ?? location?['t'],
                InternalItemNumber = data['a'],
                ShelvingLocation = data['l'] ?? location?['c'],
                PublicNote = data['z'],
                NonpublicNote = data['x'],
                LinkAndSequence = link,
                Location = location?['a'],
                Sublocation = location?['b'],
                CallNumber = location is null ? null : CallNumberOf(location),
                SourceTag = field.Tag,
            });
        }

        foreach (var location in locations)
        {
            if (location['p'] is { } barcode && (location['8'] is not { } link || !linked.Contains(link)))
            {
                items.Add(new HoldingsItem
                {
                    Barcode = barcode,
                    Location = location['a'],
                    Sublocation = location['b'],
                    ShelvingLocation = location['c'],
                    CallNumber = CallNumberOf(location),
                    CopyNumber = location['t'],
                    PublicNote = location['z'],
                    NonpublicNote = location['x'],
                    LinkAndSequence = location['8'],
                    SourceTag = "852",
                });
            }
        }

        if (localItems is not null)
        {
            foreach (var field in record.GetDataFields(localItems.Tag))
            {
                items.Add(new HoldingsItem
                {
                    Barcode = Value(field, localItems.Barcode),
                    Location = Value(field, localItems.Location),
                    Sublocation = Value(field, localItems.Sublocation),
                    ShelvingLocation = Value(field, localItems.ShelvingLocation),
                    CallNumber = Value(field, localItems.CallNumber),
                    Status = Value(field, localItems.Status),
                    CopyNumber = Value(field, localItems.CopyNumber),
                    PublicNote = Value(field, localItems.PublicNote),
                    SourceTag = field.Tag,
                });
            }
        }

        return items;
    }

    private static string? CallNumberOf(MarcDataField location)
        => new HoldingsLocation
        {
            CallNumberPrefix = location['k'],
            ClassificationPart = location['h'],
            ItemParts = location.GetValues('i'),
            CallNumberSuffix = location['m'],
            ShelvingControlNumber = location['j'],
        }.CallNumber;

    /// <summary>The 852 whose $8 link number (the part before the dot) matches; else the only or first 852.</summary>
    private static MarcDataField? FindLocation(IReadOnlyList<MarcDataField> locations, string? link)
    {
        if (link is not null)
        {
            var number = link.Split('.', 2)[0].Trim();
            foreach (var location in locations)
            {
                if (location['8'] is { } own && string.Equals(own.Split('.', 2)[0].Trim(), number, StringComparison.Ordinal))
                {
                    return location;
                }
            }
        }

        return locations.Count > 0 ? locations[0] : null;
    }

    private static string? Value(MarcDataField field, char? code) => code is { } c ? field[c] : null;

    private static int? KindOf(string tag, string first, string second, string third)
        => tag == first ? 0 : tag == second ? 1 : tag == third ? 2 : null;
}
