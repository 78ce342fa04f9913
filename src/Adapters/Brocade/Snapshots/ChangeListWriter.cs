using System.Buffers.Binary;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Writes the changes of one export file, in the order they are to be read: a header (entry count, the file and its
/// CSV header, the baseline file and its header), then entries
/// <c>[u8 op][u16 key][i32 record][i64 position][i32 ordinal][u16 problem][key][record][problem]</c>. Written to
/// <c>.tmp</c> and renamed when complete: a change list that exists is whole.
/// </summary>
internal sealed class ChangeListWriter : IDisposable
{
    public const int CountOffset = 8;
    private static readonly byte[] Magic = "LSBCHG01"u8.ToArray();
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly string _temporary;
    private readonly byte[] _entryHeader = new byte[21];
    private bool _completed;

    public ChangeListWriter(string path, string file, string? header, string? baselineFile, string? baselineHeader)
    {
        _path = path;
        _temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        _stream = new FileStream(_temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _stream.Write(Magic);
        _stream.Write(new byte[8]);
        var length = new byte[4];
        foreach (var text in new[] { file, header ?? string.Empty, baselineFile ?? string.Empty, baselineHeader ?? string.Empty })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            _stream.Write(length);
            _stream.Write(bytes);
        }
    }

    public long Count { get; private set; }

    public void Add(ChangeOp op, ReadOnlySpan<byte> key, ReadOnlySpan<byte> record, long position, int ordinal, string? problem = null)
    {
        var problemBytes = problem is null ? [] : Encoding.UTF8.GetBytes(problem);
        _entryHeader[0] = (byte)op;
        BinaryPrimitives.WriteUInt16LittleEndian(_entryHeader.AsSpan(1), (ushort)key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(_entryHeader.AsSpan(3), record.Length);
        BinaryPrimitives.WriteInt64LittleEndian(_entryHeader.AsSpan(7), position);
        BinaryPrimitives.WriteInt32LittleEndian(_entryHeader.AsSpan(15), ordinal);
        BinaryPrimitives.WriteUInt16LittleEndian(_entryHeader.AsSpan(19), (ushort)Math.Min(problemBytes.Length, ushort.MaxValue));
        _stream.Write(_entryHeader);
        _stream.Write(key);
        _stream.Write(record);
        _stream.Write(problemBytes.AsSpan(0, Math.Min(problemBytes.Length, ushort.MaxValue)));
        Count++;
    }

    public void Complete()
    {
        _stream.Position = CountOffset;
        Span<byte> count = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(count, Count);
        _stream.Write(count);
        _stream.Flush(flushToDisk: false);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed) return;
        _stream.Dispose();
        File.Delete(_temporary);
    }
}
