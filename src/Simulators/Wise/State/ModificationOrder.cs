namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>
/// Patrons ordered by (last modification ticks, id) in a sorted list: <c>updatedpatron</c> pages through it by date
/// and offset in O(log n + page). A modified patron moves to the end (its new stamp is the newest), so moving is a
/// binary search and one shift. (A SortedSet view recounted its whole range on every request: a tenth of the ingest
/// benchmark's CPU went into the simulator's patron delta.)
/// </summary>
internal sealed class ModificationOrder
{
    private readonly List<(long Ticks, long Id)> _entries = [];

    /// <summary>Entries in order.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an entry in order.</summary>
    public void Add((long Ticks, long Id) entry)
    {
        var at = _entries.BinarySearch(entry);
        _entries.Insert(at < 0 ? ~at : at, entry);
    }

    /// <summary>Removes an entry if present.</summary>
    public void Remove((long Ticks, long Id) entry)
    {
        var at = _entries.BinarySearch(entry);
        if (at >= 0) _entries.RemoveAt(at);
    }

    /// <summary>The index of the first entry modified at or after <paramref name="ticks"/>.</summary>
    public int FirstAtOrAfter(long ticks)
    {
        var at = _entries.BinarySearch((ticks, long.MinValue));
        return at < 0 ? ~at : at;
    }

    /// <summary>Up to <paramref name="count"/> entries from <paramref name="index"/>.</summary>
    public IEnumerable<(long Ticks, long Id)> Range(int index, int count)
    {
        var first = Math.Min(index, _entries.Count);
        return _entries.GetRange(first, Math.Max(0, Math.Min(count, _entries.Count - first)));
    }
}
