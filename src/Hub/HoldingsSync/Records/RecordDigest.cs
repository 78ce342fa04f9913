using Lsb.Hub.Marc;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Records;

/// <summary>
/// A stable 64-bit digest of what a holdings record says about a copy, so the hub can tell whether the catalogue's
/// record and the one it would send now differ without keeping either. Dates (005, 008) and the leader (the action)
/// are left out.
/// </summary>
public static class RecordDigest
{
    /// <summary>The digest over every field except 005 and 008: tag, indicators, subfield codes and values.</summary>
    public static long OfRecord(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var hash = new ContentHash();
        foreach (var field in record.Fields)
        {
            if (field.Tag is "005" or "008") continue;
            hash.Add(field.Tag);
            switch (field)
            {
                case MarcControlField control:
                    hash.Add(control.Value);
                    break;
                case MarcDataField data:
                    hash.Add(string.Concat(data.Indicator1, data.Indicator2));
                    foreach (var subfield in data.Subfields)
                    {
                        hash.Add(subfield.Code.ToString());
                        hash.Add(subfield.Value);
                    }
                    break;
            }
        }
        return hash.Value;
    }

    /// <summary>The digest over a fixed list of values (null and empty count the same).</summary>
    public static long OfValues(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var hash = new ContentHash();
        foreach (var value in values) hash.Add(string.IsNullOrEmpty(value) ? null : value);
        return hash.Value;
    }
}
