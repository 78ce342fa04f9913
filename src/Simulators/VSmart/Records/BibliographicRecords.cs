using System.Globalization;
using Lsb.Hub.Marc;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Records;

/// <summary>
/// A title as V-smart exports it in OAI-PMH (<c>marcxml</c>): a MARC 21 bibliographic record with embedded holdings —
/// one 852 per branch holding copies ($8 link number, $a library code, $b branch code, $c department, $h shelfmark) and
/// one 876 per copy ($8 link.sequence, $a item id, $h lending policy, $j status, $p barcode, $t copy number), withdrawn
/// copies included with status WD — and the local system field 999 ($a title number, $m material code, $v record version).
/// </summary>
internal static class BibliographicRecords
{
    public static MarcRecord Build(TitleSnapshot t)
    {
        var (type, level) = t.MaterialCode switch
        {
            "LB" => ('i', 'm'),
            "CD" => ('j', 'm'),
            "DV" or "BR" => ('g', 'm'),
            "TS" => ('a', 's'),
            "SP" => ('r', 'm'),
            "BM" => ('c', 'm'),
            _ => ('a', 'm'),
        };
        var record = new MarcRecord(new MarcLeader($"00000n{type}{level} a2200000 i 4500"));
        record.Fields.Add(new MarcControlField("001", t.TitleNumber));
        record.Fields.Add(new MarcControlField("005", t.Modified.UtcDateTime.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)));
        var entered = t.Modified.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        record.Fields.Add(new MarcControlField("008", $"{entered}s{t.Year:D4}    ne                  dut d"));
        if (t.Isbn is not null) record.Fields.Add(Data("020", ' ', ' ', ('a', t.Isbn)));
        if (t.Ppn is not null) record.Fields.Add(Data("035", ' ', ' ', ('a', "(PPN)" + t.Ppn)));
        if (t.OclcNumber is not null) record.Fields.Add(Data("035", ' ', ' ', ('a', "(OCoLC)" + t.OclcNumber)));
        record.Fields.Add(Data("040", ' ', ' ', ('a', "VSMART"), ('b', "dut")));
        if (t.Author is not null) record.Fields.Add(Data("100", '1', ' ', ('a', Inverted(t.Author))));
        record.Fields.Add(t.Author is null
            ? Data("245", '0', '0', ('a', t.Title))
            : Data("245", '1', '0', ('a', t.Title + " /"), ('c', t.Author)));
        if (t.Publisher is not null)
            record.Fields.Add(Data("264", ' ', '1', ('a', "Amsterdam :"), ('b', t.Publisher + ","), ('c', t.Year.ToString(CultureInfo.InvariantCulture))));
        var link = 0;
        foreach (var branch in t.Copies.GroupBy(c => (c.LibraryId, c.BranchCode)))
        {
            link++;
            record.Fields.Add(Data("852", '8', ' ', ('8', Number(link)), ('a', branch.Key.LibraryId), ('b', branch.Key.BranchCode),
                ('c', t.Department), ('h', t.Shelfmark)));
            var sequence = 0;
            foreach (var copy in branch)
            {
                sequence++;
                record.Fields.Add(Data("876", ' ', ' ', ('8', $"{Number(link)}.{Number(sequence)}"), ('a', copy.ItemId), ('h', copy.Policy),
                    ('j', copy.Status), ('p', copy.Barcode), ('t', Number(copy.CopyNumber))));
            }
        }
        record.Fields.Add(Data("999", ' ', ' ', ('a', t.TitleNumber), ('m', t.MaterialCode), ('v', t.Revision.ToString(CultureInfo.InvariantCulture))));
        return record;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Jan de Vries" → "Vries, Jan de", as Dutch cataloguing rules file authors.</summary>
    private static string Inverted(string author)
    {
        var parts = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? author : $"{parts[^1]}, {string.Join(' ', parts[..^1])}";
    }

    private static MarcDataField Data(string tag, char ind1, char ind2, params (char Code, string Value)[] subfields)
        => new(tag, ind1, ind2, subfields.Select(s => new MarcSubfield(s.Code, s.Value)));
}
