using System.Buffers.Binary;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>Reads a snapshot written by <see cref="SnapshotWriter"/>, one entry at a time into reused buffers.</summary>
internal sealed class SnapshotReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _entryHeader = new byte[18];
    private byte[] _key = new byte[64];
    private byte[] _record = new byte[1024];
    private int _keyLength;
    private int _recordLength;

    /// <param name="path">The snapshot or sort run.</param>
    /// <param name="bufferSize">The read buffer: large for the one baseline snapshot, small for sort runs, of which an
    /// export has as many as it is larger than the sort buffer (so their buffers would add up with the export's size).</param>
    public SnapshotReader(string path, int bufferSize = 1 << 20)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[8];
        _stream.ReadExactly(magic);
        if (!magic.SequenceEqual("LSBSNAP1"u8)) throw new InvalidDataException($"{path} is not a snapshot of the Brocade adapter.");
        SourceFile = ReadText();
        Header = ReadText();
    }

    public string SourceFile { get; }

    public string Header { get; }

    public bool HasCurrent { get; private set; }

    public ReadOnlySpan<byte> Key => _key.AsSpan(0, _keyLength);

    public ReadOnlySpan<byte> Record => _record.AsSpan(0, _recordLength);

    public long Position { get; private set; }

    public int Ordinal { get; private set; }

    /// <summary>Moves to the next entry; false at the end.</summary>
    public bool Next()
    {
        _stream.ReadExactly(_entryHeader.AsSpan(0, 2));
        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(_entryHeader);
        if (keyLength == SnapshotWriter.EndMark) return HasCurrent = false;
        _stream.ReadExactly(_entryHeader.AsSpan(2));
        _recordLength = BinaryPrimitives.ReadInt32LittleEndian(_entryHeader.AsSpan(2));
        Position = BinaryPrimitives.ReadInt64LittleEndian(_entryHeader.AsSpan(6));
        Ordinal = BinaryPrimitives.ReadInt32LittleEndian(_entryHeader.AsSpan(14));
        _keyLength = keyLength;
        if (_key.Length < keyLength) _key = new byte[Math.Max(keyLength, _key.Length * 2)];
        if (_record.Length < _recordLength) _record = new byte[Math.Max(_recordLength, _record.Length * 2)];
        _stream.ReadExactly(_key.AsSpan(0, keyLength));
        _stream.ReadExactly(_record.AsSpan(0, _recordLength));
        return HasCurrent = true;
    }

    private string ReadText()
    {
        Span<byte> length = stackalloc byte[4];
        _stream.ReadExactly(length);
        var bytes = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        _stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public void Dispose() => _stream.Dispose();
}
