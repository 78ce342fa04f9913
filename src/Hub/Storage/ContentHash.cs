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
        if (!_started) { _value = Offset; _started = true; }
        if (value is null) { Mix(0xFF); Mix(0xFE); }
        else
        {
            foreach (var c in value) { Mix((byte)c); Mix((byte)(c >> 8)); }
        }
        Mix(0x1F);
    }

    /// <summary>The hash as a signed 64-bit number (the database column type).</summary>
    public readonly long Value => unchecked((long)(_started ? _value : Offset));

    private void Mix(byte b)
    {
        _value ^= b;
        _value *= Prime;
    }
}
