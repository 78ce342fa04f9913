using System.Buffers;
using System.Globalization;
using Lsb.Hub.Adapters.Brocade.Exports;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Frames the ISO 2709 records of a holdings export without decoding them (the differ compares bytes): a record runs
/// to its terminator 0x1D; its key is field 001, found through the directory. A record whose leader length disagrees
/// with where it ends, or that has no 001, is reported as broken (with its number and byte offset) and the next record
/// is read from after its terminator. Line ends and filler between records are skipped.
/// </summary>
internal sealed class MarcRecordSource(ExportFile file) : IExportRecordSource
{
    private const byte RecordTerminator = 0x1D;
    private const byte FieldTerminator = 0x1E;

    public string? Header => null;

    public void Read(RecordHandler onRecord, BrokenRecordHandler onBroken, CancellationToken cancellationToken)
    {
        using var stream = new HashingStream(new FileStream(file.DataPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
        var buffer = ArrayPool<byte>.Shared.Rent(4 << 20);
        try
        {
            var start = 0;
            var end = 0;
            long offset = 0;
            var ordinal = 0;
            var records = 0;
            var eof = false;
            while (true)
            {
                while (start < end && buffer[start] is (byte)'\n' or (byte)'\r' or 0 or 0x1A) { start++; offset++; }
                var terminator = start < end ? buffer.AsSpan(start, end - start).IndexOf(RecordTerminator) : -1;
                if (terminator < 0)
                {
                    if (eof)
                    {
                        if (start < end)
                        {
                            ordinal++;
                            records++;
                            onBroken(offset, ordinal, $"the last {end - start} bytes (from byte {offset}) are not a whole record: no record terminator", buffer.AsSpan(start, Math.Min(end - start, 4096)));
                        }
                        break;
                    }
                    if (start > 0)
                    {
                        Array.Copy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Array.Copy(buffer, bigger, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0) eof = true;
                    end += read;
                    cancellationToken.ThrowIfCancellationRequested();
                    continue;
                }
                var record = buffer.AsSpan(start, terminator + 1);
                ordinal++;
                records++;
                var problem = Frame(record, out var key);
                if (problem is null) onRecord(key, record, offset, ordinal);
                else onBroken(offset, ordinal, problem, record);
                start += record.Length;
                offset += record.Length;
            }
            if (stream.BytesRead != file.Bytes || stream.Sha256() != file.Sha256)
                throw new ExportDamagedException(string.Create(CultureInfo.InvariantCulture,
                    $"{file.DataFile} is {stream.BytesRead:N0} bytes with another checksum than its marker says ({file.Bytes:N0} bytes): it was cut off or changed after the marker was written"));
            if (records != file.Records)
                throw new ExportDamagedException(string.Create(CultureInfo.InvariantCulture, $"{file.DataFile} holds {records:N0} records but its marker says {file.Records:N0}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks the leader and finds 001; returns the problem, or null with <paramref name="key"/> set.</summary>
    private static string? Frame(ReadOnlySpan<byte> record, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (record.Length < 25 || !Digits(record[..5], out var length) || !Digits(record.Slice(12, 5), out var baseAddress))
            return "it does not start with an ISO 2709 leader (record length and base address digits)";
        if (length != record.Length)
            return string.Create(CultureInfo.InvariantCulture, $"its leader gives a length of {length} but the record ends after {record.Length} bytes");
        if (baseAddress > record.Length || baseAddress < 25 || record[baseAddress - 1] != FieldTerminator)
            return string.Create(CultureInfo.InvariantCulture, $"its base address {baseAddress} does not follow the directory");
        for (var entry = 24; entry + 12 <= baseAddress - 1; entry += 12)
        {
            if (record[entry] != '0' || record[entry + 1] != '0' || record[entry + 2] != '1') continue;
            if (!Digits(record.Slice(entry + 3, 4), out var fieldLength) || !Digits(record.Slice(entry + 7, 5), out var fieldStart)
                || baseAddress + fieldStart + fieldLength > record.Length || fieldLength < 2)
                return "its directory entry for 001 points outside the record";
            key = record.Slice(baseAddress + fieldStart, fieldLength - 1);
            return key.IsEmpty ? "its 001 (copy number) is empty" : null;
        }
        return "it has no 001 (copy number)";
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = (value * 10) + (b - '0');
        }
        return true;
    }
}
