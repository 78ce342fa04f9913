using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;

namespace Lsb.Hub.HoldingsSync.Records;

/// <summary>
/// The MARC 21 holdings record of one copy in a GGC daily file (docs/holdings-sync.md, "GGC file format"): leader/05
/// n, c or d for added, changed, deleted; leader/06 x; 001 the canonical copy id, 003 the hub; 004 the title (PPN, else
/// <c>(ISBN)</c> or <c>(OCoLC)</c> + number); 020 and 035 the other identifiers; 852 $a ISIL, $b location, $h shelfmark;
/// 876 $p barcode; 950 $a material type, $b lent through IBL (j/n). A delete carries 001, 004, 852 $a and 876 $p only.
/// </summary>
public static class GgcHoldingsRecord
{
    /// <summary>Builds the record. <paramref name="copy"/> MUST have a <see cref="CatalogueCopy.BibReference"/> unless it is a delete.</summary>
    public static MarcRecord Build(SyncAction action, CatalogueCopy copy, string controlNumberIdentifier, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var builder = new MarcHoldingsBuilder(copy.BibReference ?? "(unknown)")
            .WithControlNumber(copy.HoldingId, controlNumberIdentifier)
            .AtLocation(copy.Isil, action == SyncAction.Delete ? null : copy.Location, null, action == SyncAction.Delete ? null : copy.Shelfmark)
            .At(at);
        if (copy.Barcode is not null) builder.AddItem(new HoldingsItem { Barcode = copy.Barcode });
        var record = builder.Build();
        record.Leader = record.Leader.With(5, action switch { SyncAction.Add => 'n', SyncAction.Change => 'c', _ => 'd' });
        if (action == SyncAction.Delete) return record;

        var standardNumbers = new List<MarcField>();
        if (copy.Isbn13 is not null) standardNumbers.Add(new MarcDataField("020", ' ', ' ', new MarcSubfield('a', copy.Isbn13)));
        if (copy.OclcNumber is not null) standardNumbers.Add(new MarcDataField("035", ' ', ' ', new MarcSubfield('a', "(OCoLC)" + copy.OclcNumber)));
        var before = FirstIndexAfter(record, "008");
        for (var i = 0; i < standardNumbers.Count; i++) record.Fields.Insert(before + i, standardNumbers[i]);
        record.Fields.Add(new MarcDataField("950", ' ', ' ',
            new MarcSubfield('a', copy.MaterialType ?? "Other"), new MarcSubfield('b', copy.LendableForIbl ? "j" : "n")));
        return record;
    }

    private static int FirstIndexAfter(MarcRecord record, string tag)
    {
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (string.CompareOrdinal(record.Fields[i].Tag, tag) > 0) return i;
        }
        return record.Fields.Count;
    }
}
