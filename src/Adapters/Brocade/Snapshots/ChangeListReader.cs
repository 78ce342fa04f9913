using System.Buffers.Binary;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>Reads a change list from a byte offset (the cursor keeps it), entry by entry.</summary>
internal sealed class ChangeListReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _entryHeader = new byte[21];

    public ChangeListReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[8];
        _stream.ReadExactly(magic);
        if (!magic.SequenceEqual("LSBCHG01"u8)) throw new InvalidDataException($"{path} is not a change list of the Brocade adapter.");
        Span<byte> count = stackalloc byte[8];
        _stream.ReadExactly(count);
        Count = BinaryPrimitives.ReadInt64LittleEndian(count);
        File = ReadText();
        Header = ReadText();
        BaselineFile = ReadText();
        BaselineHeader = ReadText();
        FirstEntry = _stream.Position;
    }

    public long Count { get; }
    public string File { get; }
    public string Header { get; }
    public string BaselineFile { get; }
    public string BaselineHeader { get; }
    public long FirstEntry { get; }

    /// <summary>Where the next entry starts.</summary>
    public long Offset
    {
        get => _stream.Position;
        set => _stream.Position = value;
    }

    public ChangeEntry Next()
    {
        _stream.ReadExactly(_entryHeader);
        var op = (ChangeOp)_entryHeader[0];
        var key = new byte[BinaryPrimitives.ReadUInt16LittleEndian(_entryHeader.AsSpan(1))];
        var record = new byte[BinaryPrimitives.ReadInt32LittleEndian(_entryHeader.AsSpan(3))];
        var position = BinaryPrimitives.ReadInt64LittleEndian(_entryHeader.AsSpan(7));
        var ordinal = BinaryPrimitives.ReadInt32LittleEndian(_entryHeader.AsSpan(15));
        var problem = new byte[BinaryPrimitives.ReadUInt16LittleEndian(_entryHeader.AsSpan(19))];
        _stream.ReadExactly(key);
        _stream.ReadExactly(record);
        _stream.ReadExactly(problem);
        return new ChangeEntry(op, Encoding.UTF8.GetString(key), record, position, ordinal, problem.Length == 0 ? null : Encoding.UTF8.GetString(problem));
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
