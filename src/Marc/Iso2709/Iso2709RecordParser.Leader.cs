using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Lsb.Hub.Marc;

/// <summary>Leader checks, choice of text decoding per record, and reporting.</summary>
internal sealed partial class Iso2709RecordParser
{
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
