using System.Globalization;
using System.Text;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// What the reader needs of one harvested MARCXML record, read with the hub's MARC reader: its version (999 $v, V-smart's
/// record version; else 005 as ticks; else the datestamp) and the item ids (876 $a) of the copies of one library (852 $a).
/// </summary>
internal static class HarvestedRecord
{
    public static MarcRecord Read(string marcXml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(marcXml));
        using var reader = new MarcXmlReader(stream, MarcReaderOptions.Strict);
        return reader.Read() ?? throw new MarcFormatException("The metadata holds no MARCXML record.");
    }

    public static long Version(MarcRecord record, DateTimeOffset datestamp)
    {
        if (record.GetDataField("999")?['v'] is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return version;
        if (record.GetControlField("005")?.Value is { } stamp
            && DateTime.TryParseExact(stamp, "yyyyMMddHHmmss.f", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            return moment.Ticks;
        return datestamp.UtcTicks;
    }

    /// <summary>The item ids of the copies of <paramref name="libraryId"/>, in record order.</summary>
    public static List<string> CopiesOf(MarcRecord record, string libraryId)
        => [.. MarcHoldings.ReadItems(record).Where(i => i.Location == libraryId && !string.IsNullOrEmpty(i.InternalItemNumber)).Select(i => i.InternalItemNumber!)];
}
