namespace Lsb.Hub.Simulators.Catalogues.WorldCat.State;

/// <summary>Control operations on the registry.</summary>
internal sealed partial class WorldCatRegistry
{
    public IReadOnlyList<WorldCatLhr> All()
    {
        lock (_lock) return [.. _records.Values.Select(s => s.View)];
    }

    public WorldCatLhr? Find(string controlNumber)
    {
        lock (_lock) return _records.TryGetValue(controlNumber, out var stored) ? stored.View : null;
    }

    public bool Remove(string controlNumber)
    {
        lock (_lock) return _records.Remove(controlNumber);
    }

    public void MarkOclcNumberUnknown(string oclcNumber)
    {
        lock (_lock) _unknownOclcNumbers.Add(oclcNumber);
    }

    public void RejectBarcode(string barcode, string reason)
    {
        lock (_lock) _rejectedBarcodes[barcode] = reason;
    }

    public void StopRejectingBarcode(string barcode)
    {
        lock (_lock) _rejectedBarcodes.Remove(barcode);
    }

    public int CreateCount(string controlNumber)
    {
        lock (_lock) return _creates.GetValueOrDefault(controlNumber);
    }

    public int WriteCount(string controlNumber)
    {
        lock (_lock) return _writes.GetValueOrDefault(controlNumber);
    }
}
