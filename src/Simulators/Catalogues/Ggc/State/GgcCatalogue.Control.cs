using Lsb.Hub.Marc;

namespace Lsb.Hub.Simulators.Catalogues.Ggc.State;

/// <summary>Control operations: what tests and the benchmark do to GGC behind the delivery interface's back.</summary>
internal sealed partial class GgcCatalogue
{
    public void Plant(string isil, MarcRecord record)
    {
        var id = record.ControlNumber ?? throw new ArgumentException("A planted holdings record needs a 001.", nameof(record));
        var bytes = Iso2709Writer.ToBytes(record);
        lock (_lock)
        {
            if (!_libraries.TryGetValue(isil, out var held)) _libraries[isil] = held = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            held[id] = bytes;
        }
    }

    public void Load(string isil, IEnumerable<(string RecordId, byte[] Record)> records)
    {
        lock (_lock)
        {
            if (!_libraries.TryGetValue(isil, out var held)) _libraries[isil] = held = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (id, bytes) in records) held[id] = bytes;
        }
    }

    public bool Remove(string isil, string recordId)
    {
        lock (_lock) return _libraries.TryGetValue(isil, out var held) && held.Remove(recordId);
    }

    public MarcRecord? Find(string isil, string recordId)
    {
        byte[]? bytes;
        lock (_lock)
        {
            if (!_libraries.TryGetValue(isil, out var held) || !held.TryGetValue(recordId, out bytes)) return null;
        }
        using var stream = new MemoryStream(bytes);
        return Iso2709Reader.ReadAll(stream).First();
    }

    public void MarkTitleUnknown(string identifier)
    {
        lock (_lock) _unknownTitles.Add(identifier.Replace("-", "", StringComparison.Ordinal).Trim());
    }

    public void MarkTitleKnown(string identifier)
    {
        lock (_lock) _unknownTitles.Remove(identifier.Replace("-", "", StringComparison.Ordinal).Trim());
    }

    public void RejectBarcode(string barcode, string reason)
    {
        lock (_lock) _rejectedBarcodes[barcode] = reason;
    }

    public void StopRejectingBarcode(string barcode)
    {
        lock (_lock) _rejectedBarcodes.Remove(barcode);
    }

    public int UploadCount(string file)
    {
        lock (_lock) return _uploads.GetValueOrDefault(file);
    }

    public int ApplicationCount(string recordId)
    {
        lock (_lock) return _applications.GetValueOrDefault(recordId);
    }

    public int HeldCount(string isil)
    {
        lock (_lock) return _libraries.TryGetValue(isil, out var held) ? held.Count : 0;
    }
}
