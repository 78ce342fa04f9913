namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A title record with its copies at one revision, taken under the lock and written out after it.</summary>
internal sealed record TitleSnapshot(string TitleNumber, string Title, string? Author, string? Isbn, string? Ppn, string? OclcNumber, string MaterialCode,
    string Department, string Shelfmark, int Year, string? Publisher, bool Deleted, long Revision, DateTimeOffset Modified, IReadOnlyList<CopySnapshot> Copies)
{
    public bool IsSerial => MaterialCode == VSmartCodes.Serial;
}
