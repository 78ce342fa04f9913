using System.Buffers;
using System.Globalization;
using System.Text;

namespace Lsb.Hub.Marc;

/// <summary>
/// Writes MARC 21 records as ISO 2709 in UTF-8: leader/09 is set to <c>a</c>, leader/10-11 to <c>22</c> and leader/20-22
/// to <c>450</c>; record length, base address and the directory are recomputed; field order is kept. A record that
/// ISO 2709 cannot hold (over 99,999 bytes, a field over 9,999 bytes, a tag that is not three characters) is NEVER
/// written truncated: <see cref="MarcFormatException"/> with <see cref="MarcProblem.NotWritable"/> is thrown instead.
/// Text MUST NOT contain the ISO 2709 delimiters 0x1D, 0x1E, 0x1F; where it does (a damaged MARC-8 record), they are dropped.
/// </summary>
public sealed class Iso2709Writer : IDisposable
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private byte[] data = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private byte[] record = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int[] lengths = ArrayPool<int>.Shared.Rent(64);

    /// <summary>Writes to <paramref name="stream"/>; disposes it with the writer unless <paramref name="leaveOpen"/>.</summary>
    public Iso2709Writer(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
    }

    /// <summary>One record as ISO 2709 bytes.</summary>
    public static byte[] ToBytes(MarcRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Iso2709Writer(buffer, leaveOpen: true))
        {
            writer.Write(record);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes every record to <paramref name="stream"/> (left open).</summary>
    public static void WriteAll(IEnumerable<MarcRecord> records, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new Iso2709Writer(stream, leaveOpen: true);
        foreach (var r in records)
        {
            writer.Write(r);
        }
    }

    /// <summary>Writes one record.</summary>
    public void Write(MarcRecord marcRecord)
    {
        ArgumentNullException.ThrowIfNull(marcRecord);
        var length = Serialize(marcRecord);
        stream.Write(record, 0, length);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(data);
        ArrayPool<byte>.Shared.Return(record);
        ArrayPool<int>.Shared.Return(lengths);
        data = record = [];
        lengths = [];
        if (!leaveOpen)
        {
            stream.Dispose();
        }
        else
        {
            stream.Flush();
        }
    }

    private int Serialize(MarcRecord marcRecord)
    {
        var fields = marcRecord.FieldList;
        if (lengths.Length < fields.Count)
        {
            ArrayPool<int>.Shared.Return(lengths);
            lengths = ArrayPool<int>.Shared.Rent(fields.Count);
        }

        var used = 0;
        for (var f = 0; f < fields.Count; f++)
        {
            var start = used;
            var field = fields[f];
            if (field is MarcControlField control)
            {
                used = Append(control.Value, used);
            }
            else
            {
                var dataField = (MarcDataField)field;
                used = AppendChar(dataField.Indicator1, used);
                used = AppendChar(dataField.Indicator2, used);
                foreach (var subfield in dataField.SubfieldSpan)
                {
                    used = AppendByte(Iso2709Bytes.SubfieldDelimiter, used);
                    used = AppendChar(subfield.Code, used);
                    used = Append(subfield.Value, used);
                }
            }

            used = AppendByte(Iso2709Bytes.FieldTerminator, used);
            lengths[f] = used - start;
            if (lengths[f] > 9999)
            {
                Fail(marcRecord, $"field {field.Tag} is {lengths[f]:N0} bytes; an ISO 2709 directory entry holds at most 9,999", field.Tag);
            }
        }

        var baseAddress = MarcLeader.Length + (fields.Count * Iso2709Bytes.DirectoryEntryLength) + 1;
        var total = baseAddress + used + 1;
        if (total > Iso2709Bytes.MaxRecordLength)
        {
            Fail(marcRecord, $"the record would be {total:N0} bytes; ISO 2709 allows at most 99,999", null);
        }

        if (record.Length < total)
        {
            ArrayPool<byte>.Shared.Return(record);
            record = ArrayPool<byte>.Shared.Rent(total);
        }

        var output = record.AsSpan(0, total);
        WriteLeader(marcRecord.Leader.Value, total, baseAddress, output);
        var offset = 0;
        for (var f = 0; f < fields.Count; f++)
        {
            var entry = output.Slice(MarcLeader.Length + (f * Iso2709Bytes.DirectoryEntryLength), Iso2709Bytes.DirectoryEntryLength);
            WriteTag(marcRecord, fields[f].Tag, entry);
            WriteDigits(lengths[f], entry.Slice(3, 4));
            WriteDigits(offset, entry.Slice(7, 5));
            offset += lengths[f];
        }

        output[baseAddress - 1] = Iso2709Bytes.FieldTerminator;
        data.AsSpan(0, used).CopyTo(output[baseAddress..]);
        output[total - 1] = Iso2709Bytes.RecordTerminator;
        return total;
    }

    private static void WriteLeader(string leader, int total, int baseAddress, Span<byte> output)
    {
        for (var i = 0; i < MarcLeader.Length; i++)
        {
            var c = leader[i];
            output[i] = c <= 0xFF ? (byte)c : (byte)' ';
        }

        WriteDigits(total, output[..5]);
        output[9] = (byte)'a';
        output[10] = (byte)'2';
        output[11] = (byte)'2';
        WriteDigits(baseAddress, output.Slice(12, 5));
        output[20] = (byte)'4';
        output[21] = (byte)'5';
        output[22] = (byte)'0';
        if (output[23] is < 0x20 or > 0x7E)
        {
            output[23] = (byte)'0';
        }
    }

    private static void WriteTag(MarcRecord marcRecord, string tag, Span<byte> entry)
    {
        var padded = tag.Length is > 0 and < 3 && tag.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? tag.PadLeft(3, '0') : tag;
        if (padded.Length != 3 || padded.AsSpan().IndexOfAnyExceptInRange((char)0x21, (char)0x7E) >= 0)
        {
            Fail(marcRecord, $"tag '{tag}' is not three printable ASCII characters", tag);
        }

        for (var i = 0; i < 3; i++)
        {
            entry[i] = (byte)padded[i];
        }
    }

    private static void WriteDigits(int value, Span<byte> digits)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private int Append(string text, int used)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        Ensure(used + max);
        var written = data.AsSpan(used, System.Text.Encoding.UTF8.GetBytes(text, data.AsSpan(used)));
        if (written.IndexOfAny(Iso2709Bytes.RecordTerminator, Iso2709Bytes.FieldTerminator, Iso2709Bytes.SubfieldDelimiter) < 0)
        {
            return used + written.Length;
        }

        // ISO 2709's own delimiters cannot be data: dropped, or the record would read back differently.
        var kept = 0;
        foreach (var b in written)
        {
            if (b is not (Iso2709Bytes.RecordTerminator or Iso2709Bytes.FieldTerminator or Iso2709Bytes.SubfieldDelimiter))
            {
                written[kept++] = b;
            }
        }

        return used + kept;
    }

    private int AppendChar(char c, int used)
    {
        if (c < 0x80)
        {
            return AppendByte((byte)c, used);
        }

        Ensure(used + 4);
        return used + new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(data.AsSpan(used));
    }

    private int AppendByte(byte b, int used)
    {
        Ensure(used + 1);
        data[used] = b;
        return used + 1;
    }

    private void Ensure(int size)
    {
        if (data.Length < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, data.Length * 2));
            Array.Copy(data, larger, data.Length);
            ArrayPool<byte>.Shared.Return(data);
            data = larger;
        }
    }

    private static void Fail(MarcRecord marcRecord, string message, string? tag)
        => throw new MarcFormatException(new MarcDiagnostic(
            marcRecord.RecordNumber,
            marcRecord.ByteOffset,
            MarcDiagnosticSeverity.Error,
            MarcProblem.NotWritable,
            string.Create(CultureInfo.InvariantCulture, $"cannot write record {marcRecord.ControlNumber ?? "(no 001)"} as ISO 2709: {message}"),
            tag));
}
