using System.Text;
using System.Text.Unicode;

namespace Lsb.Hub.Marc;

/// <summary>Field and subfield decoding.</summary>
internal sealed partial class Iso2709RecordParser
{
    /// <summary>Builds a field from its bytes (without the field terminator); <paramref name="localOffset"/> is relative to the record.</summary>
    private MarcField CreateField(string tag, ReadOnlySpan<byte> content, int localOffset)
    {
        // 00X fields are control fields, unless a subfield delimiter follows two indicator positions: some
        // non-MARC 21 systems (DanMARC, old LC 007s) put subfields there, and yaz reads them the same way.
        if (tag[0] == '0' && tag[1] == '0')
        {
            if (content.Length > 3 && content[0] == Iso2709Bytes.SubfieldDelimiter && content[2] != Iso2709Bytes.SubfieldDelimiter && content[3] == Iso2709Bytes.SubfieldDelimiter)
            {
                content = content[1..];
                localOffset++;
            }
            else if (content.Length < 3 || content[2] != Iso2709Bytes.SubfieldDelimiter)
            {
                return new MarcControlField(tag, DecodeText(content, tag, localOffset));
            }
        }

        var position = 0;
        var indicator1 = ReadIndicator(content, ref position, tag, localOffset);
        var indicator2 = ReadIndicator(content, ref position, tag, localOffset);
        var body = content[position..];
        var bodyOffset = localOffset + position;
        if (body.IsEmpty)
        {
            return new MarcDataField(tag, indicator1, indicator2, []);
        }

        var delimiters = body.Count(Iso2709Bytes.SubfieldDelimiter);
        if (body[0] != Iso2709Bytes.SubfieldDelimiter)
        {
            delimiters++;
            // Read as yaz does: the byte after the indicators stands in for the missing delimiter, so the data survives.
            Report(MarcProblem.BadSubfield, bodyOffset, $"no subfield delimiter after the indicators; byte '{Escape(body[..1])}' was taken as one", tag: tag);
        }

        var subfields = new MarcSubfield[delimiters];
        var count = 0;
        var start = 1;
        while (start <= body.Length)
        {
            var next = NextDelimiter(body, start);
            var end = next < 0 ? body.Length : next;
            if (end > start)
            {
                var codeAt = start;
                var code = ReadCode(body, ref codeAt, end, tag, bodyOffset);
                subfields[count++] = new MarcSubfield(code, DecodeText(body[codeAt..end], tag, bodyOffset + codeAt));
            }
            else
            {
                Report(MarcProblem.BadSubfield, bodyOffset + start, "empty subfield (a delimiter with no code); dropped", MarcDiagnosticSeverity.Warning, tag);
            }

            if (next < 0)
            {
                break;
            }

            start = next + 1;
        }

        if (count != subfields.Length)
        {
            Array.Resize(ref subfields, count);
        }

        return new MarcDataField(tag, indicator1, indicator2, subfields);
    }

    /// <summary>
    /// Next subfield delimiter at or after <paramref name="from"/>. A 0x1F followed by a control byte or blank is data,
    /// not a delimiter (no subfield code is a control character); upstream yaz reads it the same way.
    /// </summary>
    private static int NextDelimiter(ReadOnlySpan<byte> body, int from)
    {
        while (from < body.Length)
        {
            var found = body[from..].IndexOf(Iso2709Bytes.SubfieldDelimiter);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at + 1 >= body.Length || body[at + 1] > 0x20)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private char ReadIndicator(ReadOnlySpan<byte> content, ref int position, string tag, int localOffset)
    {
        if (position >= content.Length)
        {
            Report(MarcProblem.BadIndicator, localOffset + position, "the field is too short to hold two indicators; a blank was assumed", tag: tag);
            return ' ';
        }

        var b = content[position];
        if (b == Iso2709Bytes.SubfieldDelimiter)
        {
            Report(MarcProblem.BadIndicator, localOffset + position, "an indicator is missing (subfield delimiter found instead); a blank was assumed", tag: tag);
            return ' ';
        }

        var indicator = ReadCharacter(content, ref position, content.Length, tag, localOffset, "indicator");
        if (indicator is not (' ' or (>= '0' and <= '9') or (>= 'a' and <= 'z') or '|') && indicator < 0x80)
        {
            Report(MarcProblem.BadIndicator, localOffset + position - 1, $"indicator '{indicator}' is not blank, a digit or a lowercase letter", MarcDiagnosticSeverity.Warning, tag);
        }

        return indicator;
    }

    private char ReadCode(ReadOnlySpan<byte> body, ref int position, int end, string tag, int localOffset)
        => ReadCharacter(body, ref position, end, tag, localOffset, "subfield code");

    /// <summary>One indicator or subfield code: ASCII normally; one UTF-8 character in a UTF-8 record (as yaz reads it).</summary>
    private char ReadCharacter(ReadOnlySpan<byte> bytes, ref int position, int end, string tag, int localOffset, string what)
    {
        var b = bytes[position];
        if (b < 0x80)
        {
            position++;
            return (char)b;
        }

        if (textMode is FieldTextMode.Utf8Valid or FieldTextMode.Utf8Checked
            && Rune.DecodeFromUtf8(bytes[position..end], out var rune, out var consumed) == System.Buffers.OperationStatus.Done
            && rune.IsBmp)
        {
            Report(MarcProblem.BadIndicator, localOffset + position, $"{what} '{rune}' is not ASCII", MarcDiagnosticSeverity.Warning, tag);
            position += consumed;
            return (char)rune.Value;
        }

        Report(MarcProblem.BadIndicator, localOffset + position, $"{what} byte \\x{b:X2} is not ASCII; read as U+00{b:X2}", tag: tag);
        position++;
        return (char)b;
    }

    private string DecodeText(ReadOnlySpan<byte> bytes, string tag, int localOffset)
    {
        switch (textMode)
        {
            case FieldTextMode.Utf8Valid:
                return System.Text.Encoding.UTF8.GetString(bytes);
            case FieldTextMode.Utf8Checked:
                if (!Utf8.IsValid(bytes))
                {
                    Report(MarcProblem.InvalidUtf8, localOffset, $"invalid UTF-8 in '{Escape(bytes[..Math.Min(bytes.Length, 60)])}'; bad bytes became U+FFFD", tag: tag);
                }

                return System.Text.Encoding.UTF8.GetString(bytes);
            case FieldTextMode.Marc8:
                var text = Marc8Decoder.Decode(bytes, out var problems);
                if (problems != Marc8Problems.None)
                {
                    ReportMarc8(problems, bytes, tag, localOffset);
                }

                return text;
            default:
                return options.CharacterSet.LegacyEncoding!.GetString(bytes);
        }
    }

    private void ReportMarc8(Marc8Problems problems, ReadOnlySpan<byte> bytes, string tag, int localOffset)
    {
        var sample = Escape(bytes[..Math.Min(bytes.Length, 60)]);
        if ((problems & Marc8Problems.BadEscape) != 0)
        {
            Report(MarcProblem.BadMarc8Escape, localOffset, $"bad or incomplete MARC-8 escape sequence in '{sample}'; skipped", tag: tag);
        }

        if ((problems & Marc8Problems.UnmappedCharacter) != 0)
        {
            Report(MarcProblem.UnmappedMarc8Character, localOffset, $"MARC-8 code(s) with no character in the designated set in '{sample}'; dropped", tag: tag);
        }

        if ((problems & Marc8Problems.DanglingCombiningMark) != 0)
        {
            Report(MarcProblem.DanglingCombiningMark, localOffset, $"MARC-8 combining mark at the end of '{sample}' has no base letter", MarcDiagnosticSeverity.Warning, tag);
        }
    }
}
