using Lsb.Hub.Marc;

namespace Lsb.Hub.Simulators.Catalogues.Ggc.State;

/// <summary>Applying one holdings record of a delivered file.</summary>
internal sealed partial class GgcCatalogue
{
    private GgcRecordOutcome Apply(MarcRecord record, int sequence, string isil, string file)
    {
        var id = record.ControlNumber;
        var location = record.GetDataField("852");
        var barcode = record.GetDataField("876")?['p'];
        var action = record.Leader.RecordStatus switch { 'n' => "add", 'c' => "change", 'd' => "delete", _ => null };
        GgcRecordOutcome Outcome(string result, string? reason) => new(sequence, id, barcode, action ?? record.Leader.RecordStatus.ToString(), result, reason);

        if (action is null)
            return Outcome(Results.Rejected, $"leader/05 '{record.Leader.RecordStatus}' is not n (new), c (changed) or d (deleted)");
        if (string.IsNullOrEmpty(id))
            return Outcome(Results.Rejected, "the record has no 001 (copy id), so GGC cannot identify the copy");
        if (!record.Leader.IsHoldings)
            return Outcome(Results.Rejected, $"leader/06 '{record.Leader.TypeOfRecord}' is not a holdings record (x, y, v or u)");
        if (!string.Equals(location?['a'], isil, StringComparison.OrdinalIgnoreCase))
            return Outcome(Results.Rejected, $"852 $a '{location?['a']}' is not the library of this file ({isil})");

        if (!_libraries.TryGetValue(isil, out var held)) _libraries[isil] = held = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (action == "delete")
        {
            var removed = held.Remove(id);
            Count(id);
            return Outcome(Results.Accepted, removed ? null : "the copy was not held; nothing to delete");
        }
        if (string.IsNullOrEmpty(barcode))
            return Outcome(Results.Rejected, $"copy {id} has no barcode (876 $p)");
        if (_rejectedBarcodes.TryGetValue(barcode, out var planted))
            return Outcome(Results.Rejected, planted);
        var titles = TitleIdentifiers(record);
        if (titles.Count == 0)
            return Outcome(Results.Unmatched, "no PPN, ISBN or OCLC number to attach the copy to a title");
        if (titles.All(_unknownTitles.Contains))
            return Outcome(Results.Unmatched, $"title not in GGC: no record for {string.Join(", ", titles)}");

        var existed = held.ContainsKey(id);
        held[id] = Iso2709Writer.ToBytes(record);
        Count(id);
        var note = (action, existed) switch
        {
            ("add", true) => "the copy was already held; replaced",
            ("change", false) => "the copy was not held; added",
            _ => null,
        };
        _ = file;
        return Outcome(Results.Accepted, note);
    }

    private void Count(string id) => _applications[id] = _applications.GetValueOrDefault(id) + 1;

    /// <summary>The title identifiers a record carries: 004 (a PPN, or "(ISBN)…"/"(OCoLC)…"), 020 $a, 035 $a (OCoLC).</summary>
    internal static List<string> TitleIdentifiers(MarcRecord record)
    {
        var ids = new List<string>();
        void Add(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            var v = value.Trim();
            var close = v.StartsWith('(') ? v.IndexOf(')', StringComparison.Ordinal) : -1;
            if (close > 0) v = v[(close + 1)..];
            v = v.Replace("-", "", StringComparison.Ordinal).Trim();
            if (v.Length > 0 && !ids.Contains(v, StringComparer.OrdinalIgnoreCase)) ids.Add(v);
        }
        Add(record.GetControlField("004")?.Value);
        foreach (var f in record.GetDataFields("020")) Add(f['a']);
        foreach (var f in record.GetDataFields("035")) Add(f['a']);
        return ids;
    }
}
