using System.Buffers.Binary;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Writes a snapshot (or a sort run): a header (the export's file name and CSV header), then entries
/// <c>[u16 key length][i32 record length][i64 position][i32 ordinal][key][record]</c> in key order, then an end mark.
/// Written to <c>.tmp</c> and renamed by <see cref="Complete"/>, so a half-written snapshot is never used.
/// </summary>
internal sealed class SnapshotWriter : IDisposable
{
    public const ushort EndMark = 0xFFFF;
    private static readonly byte[] Magic = "LSBSNAP1"u8.ToArray();
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly string _temporary;
    private readonly byte[] _entryHeader = new byte[18];
    private bool _completed;

    public SnapshotWriter(string path, string sourceFile, string? header)
    {
        _path = path;
        _temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        _stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        _stream.Write(Magic);
        WriteText(sourceFile);
        WriteText(header ?? string.Empty);
    }

    public long Count { get; private set; }

    public void Write(ReadOnlySpan<byte> key, ReadOnlySpan<byte> record, long position, int ordinal)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_entryHeader, (ushort)key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(_entryHeader.AsSpan(2), record.Length);
        BinaryPrimitives.WriteInt64LittleEndian(_entryHeader.AsSpan(6), position);
        BinaryPrimitives.WriteInt32LittleEndian(_entryHeader.AsSpan(14), ordinal);
        _stream.Write(_entryHeader);
        _stream.Write(key);
        _stream.Write(record);
        Count++;
    }

    /// <summary>Writes the end mark and moves the file into place.</summary>
    public void Complete()
    {
        Span<byte> end = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(end, EndMark);
        _stream.Write(end);
        _stream.Flush(flushToDisk: false);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    private void WriteText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _stream.Write(length);
        _stream.Write(bytes);
    }

    public void Dispose()
    {
        if (_completed) return;
        _stream.Dispose();
        File.Delete(_temporary);
    }
}
