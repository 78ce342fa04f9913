using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>
/// A library's item or loan mutation feed: entry i has mutation number i + 1. Each entry is written as JSON when it is
/// recorded (an entry never changes once made), as a server keeps its change log, so serving a page of 1,000 copies
/// their bytes instead of serialising them again for every read.
/// </summary>
internal sealed class MutationFeed<TMutation>(JsonTypeInfo<TMutation> type)
{
    private readonly List<byte[]> _entries = [];

    /// <summary>Entries recorded; the newest one's mutation number.</summary>
    public int Count => _entries.Count;

    /// <summary>Records the next entry (its mutation number must be <see cref="Count"/> + 1).</summary>
    public void Add(TMutation mutation) => _entries.Add(JsonSerializer.SerializeToUtf8Bytes(mutation, type));

    /// <summary>At most <paramref name="limit"/> entries after mutation number <paramref name="after"/>, as JSON.</summary>
    public byte[][] After(long after, int limit)
    {
        var start = (int)Math.Clamp(after, 0, _entries.Count);
        return [.. _entries.GetRange(start, Math.Min(limit, _entries.Count - start))];
    }
}
