using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

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

    private string CheckLeader(ReadOnlySpan<byte> leaderBytes)
    {
        var leader = System.Text.Encoding.Latin1.GetString(leaderBytes);
        if (leaderBytes.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0)
        {
            Report(MarcProblem.NonStandardLeader, 0, $"the leader holds non-ASCII or control bytes: '{Escape(leaderBytes)}'", MarcDiagnosticSeverity.Warning);
        }

        if (leaderBytes[10] != (byte)'2' || leaderBytes[11] != (byte)'2' || leaderBytes[20] != (byte)'4' || leaderBytes[21] != (byte)'5' || (uint)(leaderBytes[22] - '0') > 9)
        {
            Report(MarcProblem.NonStandardLeader, 10, $"leader/10-11 '{Escape(leaderBytes.Slice(10, 2))}' and leader/20-22 '{Escape(leaderBytes.Slice(20, 3))}' should be '22' and '450' in MARC 21; read as if they were", MarcDiagnosticSeverity.Warning);
        }

        return leader;
    }

    private FieldTextMode ChooseTextMode(char coding, ReadOnlySpan<byte> data)
    {
        var set = options.CharacterSet;
        if (set.LegacyEncoding is not null)
        {
            return FieldTextMode.Legacy;
        }

        var utf8 = ReferenceEquals(set, MarcCharacterSet.Utf8) || (ReferenceEquals(set, MarcCharacterSet.FromLeader) && coding == 'a');
        var marc8 = ReferenceEquals(set, MarcCharacterSet.Marc8) || (ReferenceEquals(set, MarcCharacterSet.FromLeader) && coding == ' ');
        if (!utf8 && !marc8)
        {
            utf8 = data.IndexOf((byte)0x1B) < 0 && Utf8.IsValid(data);
            Report(MarcProblem.NonStandardLeader, 9, $"leader/09 character coding '{Escape([(byte)coding])}' is neither blank (MARC-8) nor 'a' (UTF-8); reading as {(utf8 ? "UTF-8" : "MARC-8")}", MarcDiagnosticSeverity.Warning);
            if (!utf8)
            {
                return FieldTextMode.Marc8;
            }
        }

        if (marc8)
        {
            // MARC-8 is practically never valid UTF-8 once it has non-ASCII bytes (ANSEL letters are lone
            // continuation bytes, combining marks are lead bytes followed by ASCII), so valid multi-byte UTF-8
            // under a blank leader/09 is a mislabelled UTF-8 record.
            if (ReferenceEquals(set, MarcCharacterSet.FromLeader) && !Ascii.IsValid(data) && data.IndexOf((byte)0x1B) < 0 && Utf8.IsValid(data))
            {
                Report(MarcProblem.MislabelledCharacterCoding, 9, "leader/09 is blank (MARC-8) but the data is valid UTF-8 with non-ASCII characters; read as UTF-8", MarcDiagnosticSeverity.Warning);
                return FieldTextMode.Utf8Valid;
            }

            return FieldTextMode.Marc8;
        }

        return Utf8.IsValid(data) ? FieldTextMode.Utf8Valid : FieldTextMode.Utf8Checked;
    }

    private void Report(MarcProblem problem, long localOffset, string message, MarcDiagnosticSeverity severity = MarcDiagnosticSeverity.Error, string? tag = null)
    {
        var diagnostic = new MarcDiagnostic(recordNumber, recordOffset + localOffset, severity, problem, message, tag);
        if (strict && severity == MarcDiagnosticSeverity.Error)
        {
            throw new MarcFormatException(diagnostic);
        }

        (diagnostics ??= []).Add(diagnostic);
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    /// <summary>Printable rendering of raw bytes for messages: control and non-ASCII bytes as \xHH.</summary>
    internal static string Escape(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return sb.ToString();
    }
}
