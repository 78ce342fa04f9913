using System.Buffers;

namespace Lsb.Hub.Marc;

/// <summary>
/// Turns the bytes of one framed ISO 2709 record into a <see cref="MarcRecord"/>. Trusts the directory when it is
/// consistent (the fast path: every field ends on a field terminator where the directory says); otherwise recovers
/// fields from the field terminators and reports what did not add up. Reusable, not thread-safe.
/// </summary>
internal sealed partial class Iso2709RecordParser
{
    private const int StackEntries = 256;
    private readonly MarcReaderOptions options;
    private readonly bool strict;
    private List<MarcDiagnostic>? diagnostics;
    private int recordNumber;
    private long recordOffset;
    private FieldTextMode textMode;

    public Iso2709RecordParser(MarcReaderOptions options)
    {
        this.options = options;
        strict = options.ErrorPolicy == MarcErrorPolicy.Strict;
    }

    /// <summary>
    /// Parses a record. <paramref name="record"/> starts at the leader and excludes the record terminator;
    /// it MUST be at least 24 bytes. <paramref name="carried"/> holds problems found while framing it.
    /// </summary>
    public MarcRecord Parse(ReadOnlySpan<byte> record, int number, long offset, List<MarcDiagnostic>? carried)
    {
        diagnostics = carried;
        recordNumber = number;
        recordOffset = offset;
        if (carried is not null && strict)
        {
            foreach (var d in carried)
            {
                if (d.Severity == MarcDiagnosticSeverity.Error)
                {
                    throw new MarcFormatException(d);
                }
            }
        }

        var leader = CheckLeader(record[..MarcLeader.Length]);
        var directoryLength = record[MarcLeader.Length..].IndexOf(Iso2709Bytes.FieldTerminator);
        if (directoryLength < 0)
        {
            Report(MarcProblem.BadDirectory, MarcLeader.Length, "the directory has no field terminator (0x1E); no field can be located");
            return Finish(leader, []);
        }

        var directoryEnd = MarcLeader.Length + directoryLength;
        var directoryStart = MarcLeader.Length;
        if (directoryLength % Iso2709Bytes.DirectoryEntryLength != 0 && FindShiftedDirectory(record, directoryEnd) is > 0 and var shifted)
        {
            Report(MarcProblem.BadDirectory, shifted, $"the directory starts at byte {shifted}, not 24 (the leader is {(shifted < 24 ? "short" : "long")} by one byte); read from there");
            directoryStart = shifted;
            directoryLength = directoryEnd - shifted;
        }

        var baseAddress = directoryEnd + 1;
        var declaredBase = Iso2709Bytes.ParseDigits(record.Slice(12, 5));
        if (declaredBase != baseAddress)
        {
            Report(MarcProblem.BadBaseAddress, 12, declaredBase < 0
                ? $"leader/12-16 base address '{Latin1(record.Slice(12, 5))}' is not a number; using {baseAddress}, just past the directory"
                : $"leader/12-16 base address {declaredBase} does not match the end of the directory; using {baseAddress}");
        }

        if (directoryLength % Iso2709Bytes.DirectoryEntryLength != 0)
        {
            Report(MarcProblem.BadDirectory, MarcLeader.Length, $"directory length {directoryLength} is not a multiple of 12; the last {directoryLength % 12} byte(s) are ignored");
        }

        var data = record[baseAddress..];
        textMode = ChooseTextMode(leader[9], data);
        var entryCount = directoryLength / Iso2709Bytes.DirectoryEntryLength;
        var fields = new List<MarcField>(entryCount);
        int[]? rented = null;
        var positions = entryCount <= StackEntries
            ? stackalloc int[StackEntries * 2]
            : (rented = ArrayPool<int>.Shared.Rent(entryCount * 2));
        try
        {
            var directory = record.Slice(directoryStart, entryCount * Iso2709Bytes.DirectoryEntryLength);
            if (ReadDirectory(directory, data, positions, entryCount))
            {
                for (var e = 0; e < entryCount; e++)
                {
                    var start = positions[2 * e];
                    var tag = Iso2709Bytes.Tag(directory.Slice(e * Iso2709Bytes.DirectoryEntryLength, 3));
                    fields.Add(CreateField(tag, data.Slice(start, positions[(2 * e) + 1] - 1), baseAddress + start));
                }
            }
            else
            {
                RecoverFields(directory, data, baseAddress, positions, entryCount, fields);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        return Finish(leader, fields);
    }

    /// <summary>A directory that is one byte off (a 23- or 25-byte leader): its start, or -1.</summary>
    private static int FindShiftedDirectory(ReadOnlySpan<byte> record, int directoryEnd)
    {
        foreach (var start in (ReadOnlySpan<int>)[MarcLeader.Length - 1, MarcLeader.Length + 1])
        {
            var length = directoryEnd - start;
            if (length <= 0 || length % Iso2709Bytes.DirectoryEntryLength != 0)
            {
                continue;
            }

            var numeric = true;
            for (var e = start; e < directoryEnd && numeric; e += Iso2709Bytes.DirectoryEntryLength)
            {
                numeric = Iso2709Bytes.ParseDigits(record.Slice(e + 3, 9)) >= 0;
            }

            if (numeric)
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>Fills start/length pairs; true when every entry is numeric and ends on a field terminator.</summary>
    private static bool ReadDirectory(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> data, Span<int> positions, int entryCount)
    {
        var consistent = true;
        for (var e = 0; e < entryCount; e++)
        {
            var entry = directory.Slice(e * Iso2709Bytes.DirectoryEntryLength, Iso2709Bytes.DirectoryEntryLength);
            var length = Iso2709Bytes.ParseDigits(entry.Slice(3, 4));
            var start = Iso2709Bytes.ParseDigits(entry.Slice(7, 5));
            positions[2 * e] = start;
            positions[(2 * e) + 1] = length;
            if (length <= 0 || start < 0 || start + length > data.Length || data[start + length - 1] != Iso2709Bytes.FieldTerminator)
            {
                consistent = false;
            }
        }

        return consistent;
    }

    private MarcRecord Finish(string leader, List<MarcField> fields)
    {
        var found = diagnostics;
        diagnostics = null;
        return new MarcRecord(new MarcLeader(leader), fields, found, recordNumber, recordOffset);
    }
}
