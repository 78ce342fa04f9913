using Lsb.Hub.Marc;
using Lsb.Hub.Simulators.Catalogues.Ggc.State;
using Lsb.Hub.Simulators.Catalogues.Shared;

namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>
/// The GGC simulator's control operations for in-process tests and benchmarks: read what GGC holds, plant differences
/// behind the delivery interface's back (as the 2021 drift between ILS and GGC did), make titles unknown or records
/// rejected, hold an answer to reproduce a crash, and count uploads and applications.
/// </summary>
public sealed class GgcSimulatorControl
{
    private readonly GgcCatalogue _catalogue;

    internal GgcSimulatorControl(GgcCatalogue catalogue) => _catalogue = catalogue;

    /// <summary>The copies GGC holds for <paramref name="isil"/>, ordered by record id.</summary>
    public IReadOnlyList<GgcHeldCopy> Holdings(string isil)
        => [.. _catalogue.Records(isil).Select(bytes => Describe(isil, bytes))];

    /// <summary>The number of copies GGC holds for <paramref name="isil"/>.</summary>
    public int HeldCount(string isil) => _catalogue.HeldCount(isil);

    /// <summary>The holdings record GGC holds under 001 <paramref name="recordId"/> for <paramref name="isil"/>, or null.</summary>
    public MarcRecord? Find(string isil, string recordId) => _catalogue.Find(isil, recordId);

    /// <summary>Puts a holdings record into GGC directly (no file, no report).</summary>
    public void Plant(string isil, MarcRecord record) => _catalogue.Plant(isil, record);

    /// <summary>Bulk-loads ISO 2709 holdings records keyed by 001 (benchmark set-up).</summary>
    public void Load(string isil, IEnumerable<(string RecordId, byte[] Record)> records) => _catalogue.Load(isil, records);

    /// <summary>Removes a copy from GGC directly; true when it was held.</summary>
    public bool Remove(string isil, string recordId) => _catalogue.Remove(isil, recordId);

    /// <summary>Changes the shelfmark (852 $h) of a held copy directly.</summary>
    public void AlterShelfmark(string isil, string recordId, string shelfmark)
    {
        var record = _catalogue.Find(isil, recordId) ?? throw new ArgumentException($"GGC holds no copy {recordId} for {isil}.", nameof(recordId));
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (record.Fields[i] is not MarcDataField { Tag: "852" } location) continue;
            var subfields = location.Subfields.Where(s => s.Code != 'h').Append(new MarcSubfield('h', shelfmark));
            record.Fields[i] = new MarcDataField("852", location.Indicator1, location.Indicator2, subfields);
        }
        _catalogue.Plant(isil, record);
    }

    /// <summary>From now on GGC has no title for <paramref name="identifier"/> (a PPN, ISBN or OCLC number).</summary>
    public void MarkTitleUnknown(string identifier) => _catalogue.MarkTitleUnknown(identifier);

    /// <summary>GGC has a title for <paramref name="identifier"/> again.</summary>
    public void MarkTitleKnown(string identifier) => _catalogue.MarkTitleKnown(identifier);

    /// <summary>From now on records for <paramref name="barcode"/> are rejected with <paramref name="reason"/>.</summary>
    public void RejectBarcode(string barcode, string reason) => _catalogue.RejectBarcode(barcode, reason);

    /// <summary>Records for <paramref name="barcode"/> are judged normally again.</summary>
    public void StopRejectingBarcode(string barcode) => _catalogue.StopRejectingBarcode(barcode);

    /// <summary>How often a data file with this name was uploaded.</summary>
    public int UploadCount(string file) => _catalogue.UploadCount(file);

    /// <summary>How often a record with this 001 was applied (added, changed or deleted) by an import.</summary>
    public int ApplicationCount(string recordId) => _catalogue.ApplicationCount(recordId);

    /// <summary>Every import report, in import order.</summary>
    public IReadOnlyList<GgcImportReport> Reports() => _catalogue.Reports();

    /// <summary>Holds the answer to a chosen import after it was applied (crash tests).</summary>
    public ResponseGate Gate => _catalogue.Gate;

    private static GgcHeldCopy Describe(string isil, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var record = Iso2709Reader.ReadAll(stream).First();
        var location = record.GetDataField("852");
        return new GgcHeldCopy(record.ControlNumber ?? "", isil, record.GetDataField("876")?['p'], record.GetControlField("004")?.Value,
            location?['b'], location?['h'], null);
    }
}
