using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;

namespace Lsb.Hub.HoldingsSync.Records;

/// <summary>
/// The local holdings record (LHR) of one copy for the WorldCat Metadata API: leader <c>00000nx  a2200000zi 4500</c>,
/// 004 the OCLC number, 007 <c>zu</c>, 008, 852 $a institution symbol, $b holding library (the branch ISIL), $c location,
/// $h shelfmark, 876 $p barcode. WorldCat sets 001 and 005; the hub addresses the record by control number in the URL.
/// </summary>
public static class WorldCatLhrRecord
{
    /// <summary>Builds the LHR. <paramref name="copy"/> MUST have an OCLC number.</summary>
    public static MarcRecord Build(CatalogueCopy copy, string symbol, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var builder = new MarcHoldingsBuilder(copy.OclcNumber ?? throw new ArgumentException("An LHR needs the copy's OCLC number.", nameof(copy)))
            .AtLocation(symbol, copy.Isil, copy.Location, copy.Shelfmark)
            .At(at);
        if (copy.Barcode is not null) builder.AddItem(new HoldingsItem { Barcode = copy.Barcode });
        var record = builder.Build();
        record.Leader = record.Leader.With(17, 'z').With(18, 'i');
        var index = record.Fields.ToList().FindIndex(f => f.Tag == "008");
        record.Fields.Insert(index < 0 ? record.Fields.Count : index, new MarcControlField("007", "zu"));
        return record;
    }

    /// <summary>What an LHR says about a copy: OCLC number, symbol, holding library, location, shelfmark, barcode.</summary>
    public static long Digest(string? oclcNumber, string? symbol, string? holdingLibrary, string? location, string? shelfmark, string? barcode)
        => RecordDigest.OfValues(oclcNumber, symbol, holdingLibrary?.ToUpperInvariant(), location, shelfmark, barcode);

    /// <summary>The digest of an LHR as WorldCat returns it.</summary>
    public static long Digest(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var location = record.GetDataField("852");
        return Digest(record.GetControlField("004")?.Value, location?['a'], location?['b'], location?['c'], location?['h'], record.GetDataField("876")?['p']);
    }

    /// <summary>The LHR control number the hub uses for a copy: its canonical id's 32 hexadecimal digits.</summary>
    public static string ControlNumber(string holdingId)
    {
        ArgumentNullException.ThrowIfNull(holdingId);
        return holdingId.StartsWith("hld-", StringComparison.Ordinal) ? holdingId[4..] : holdingId;
    }

    /// <summary>The canonical copy id of a control number the hub assigned, or <c>foreign:</c> + the number.</summary>
    public static string HoldingIdOf(string controlNumber)
    {
        ArgumentNullException.ThrowIfNull(controlNumber);
        return controlNumber.Length == 32 && controlNumber.All(char.IsAsciiHexDigitLower) ? "hld-" + controlNumber : "foreign:" + controlNumber;
    }
}
