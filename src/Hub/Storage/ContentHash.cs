namespace Lsb.Hub.Storage;

/// <summary>
/// A stable 64-bit FNV-1a hash of a row's canonical fields, stored with the row so a snapshot that changes nothing
/// is recognised without reading the whole row. Stable across processes and machines (unlike <see cref="HashCode"/>).
/// </summary>
public struct ContentHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _value;
    private bool _started;

    /// <summary>Adds a field (null and empty differ).</summary>
    public void Add(string? value)
    {
        // FNV-1a over the UTF-16 code units, low byte first. Kept in a local: the ingest path hashes every row it
        // writes, and updating the field through `this` in a helper per byte cost about twice as much (docs/performance.md).
        var hash = _started ? _value : Offset;
        if (value is null)
        {
            hash = (hash ^ 0xFF) * Prime;
            hash = (hash ^ 0xFE) * Prime;
        }
        else
        {
            foreach (var c in value)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }
        }
        _value = (hash ^ 0x1F) * Prime;
        _started = true;
    }

    /// <summary>The hash as a signed 64-bit number (the database column type).</summary>
    public readonly long Value => unchecked((long)(_started ? _value : Offset));
}
