namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// The order of keys in snapshots: shorter first, then byte by byte. For numeric keys (member, copy and loan
/// numbers without leading zeros) that is numeric order, which is how Brocade sorts its exports.
/// </summary>
internal static class SnapshotKeys
{
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : a.SequenceCompareTo(b);
    }
}
