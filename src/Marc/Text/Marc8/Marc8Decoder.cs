using System.Buffers;
using System.Globalization;
using System.Text;

namespace Lsb.Hub.Marc;

/// <summary>
/// MARC-8 to Unicode (Library of Congress MARC-8 specification). Starts every string with G0 = Basic Latin and
/// G1 = ANSEL, as the de facto MARC readers (yaz, marc4j, pymarc) do per subfield; honours escape sequences for Basic and
/// Extended Latin, Greek, Greek symbols, subscripts, superscripts, Hebrew, Cyrillic, Arabic and EACC (CJK); moves
/// MARC-8 combining marks (which precede their base letter) after the base letter and returns NFC. Numeric character
/// references (<c>&amp;#xHHHH;</c>), LC's lossless-conversion escape for characters outside MARC-8, are decoded.
/// Codes with no character in the designated set are dropped (as yaz does) and reported.
/// NEVER throws on bad input: problems are reported through <see cref="Marc8Problems"/>.
/// </summary>
public static class Marc8Decoder
{
    private const int CombiningFlag = 0x40000000;
    private const int IgnoredFlag = 0x20000000;
    private const int CodePointMask = 0x001FFFFF;
    private const int BasicLatin = 0;
    private const int Ansel = 1;
    private const int Eacc = 11;
    private const int MaxPendingMarks = 8;

    /// <summary>Decodes MARC-8 bytes; problems are ignored.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    /// <summary>Decodes MARC-8 bytes and says what, if anything, was wrong.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out Marc8Problems problems)
    {
        problems = Marc8Problems.None;
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        // Fast path: printable ASCII with no NCR is the same text in MARC-8 and Unicode.
        if (bytes.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && bytes.IndexOf("&#x"u8) < 0)
        {
            return System.Text.Encoding.Latin1.GetString(bytes);
        }

        char[]? rented = null;
        var output = bytes.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            var written = DecodeSlow(bytes, output, ref problems, out var sawCombining);
            var text = new string(output[..written]);
            return sawCombining ? text.Normalize(NormalizationForm.FormC) : text;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int DecodeSlow(ReadOnlySpan<byte> input, Span<char> output, ref Marc8Problems problems, out bool sawCombining)
    {
        var table = Marc8Tables.SingleByte;
        Span<int> pending = stackalloc int[MaxPendingMarks];
        var pendingCount = 0;
        var g0 = BasicLatin;
        var g1 = Ansel;
        var o = 0;
        var i = 0;
        sawCombining = false;
        while (i < input.Length)
        {
            var b = input[i];
            if (b == 0x1B)
            {
                i = ReadEscape(input, i, ref g0, ref g1, ref problems);
                continue;
            }

            int value;
            if (b == 0x20)
            {
                value = ' ';
                i++;
            }
            else if (b < 0x20)
            {
                // Control bytes are not MARC-8 graphics; keep them so nothing is silently lost.
                value = b;
                i++;
            }
            else if (b == (byte)'&' && g0 == BasicLatin && TryReadReference(input[i..], out var referenced, out var referenceLength))
            {
                value = referenced;
                i += referenceLength;
            }
            else
            {
                // 0x80-0x9F are MARC-8's C1 controls (joiners, non-sort marks), defined in the ANSEL table whatever G1 holds.
                var set = b < 0x80 ? g0 : b < 0xA0 ? Ansel : g1;
                if (set == Eacc)
                {
                    if (i + 3 > input.Length)
                    {
                        problems |= Marc8Problems.UnmappedCharacter;
                        break;
                    }
                    else
                    {
                        value = LookupEacc(((input[i] & 0x7F) << 16) | ((input[i + 1] & 0x7F) << 8) | (input[i + 2] & 0x7F));
                        if (value == 0)
                        {
                            // Mangled multibyte data: skip one byte and try to fall back into step (as yaz does).
                            problems |= Marc8Problems.UnmappedCharacter;
                            i++;
                            continue;
                        }

                        i += 3;
                    }
                }
                else
                {
                    value = table[(set * 128) + (b & 0x7F)];
                    i++;
                    if ((value & IgnoredFlag) != 0)
                    {
                        continue; // second half of a double diacritic: the first half already spans both letters
                    }

                    if (value == 0)
                    {
                        problems |= Marc8Problems.UnmappedCharacter;
                        continue;
                    }

                    if ((value & CombiningFlag) != 0)
                    {
                        sawCombining = true;
                        if (pendingCount == MaxPendingMarks)
                        {
                            o = Append(output, o, pending[0]);
                            pending[1..].CopyTo(pending);
                            pendingCount--;
                        }

                        pending[pendingCount++] = value & CodePointMask;
                        continue;
                    }
                }
            }

            o = Append(output, o, value & CodePointMask);
            for (var p = 0; p < pendingCount; p++)
            {
                o = Append(output, o, pending[p]);
            }

            pendingCount = 0;
        }

        if (pendingCount > 0)
        {
            problems |= Marc8Problems.DanglingCombiningMark;
            for (var p = 0; p < pendingCount; p++)
            {
                o = Append(output, o, pending[p]);
            }
        }

        return o;
    }

    private static int ReadEscape(ReadOnlySpan<byte> input, int start, ref int g0, ref int g1, ref Marc8Problems problems)
    {
        var j = start + 1;
        var toG1 = false;
        var intermediate = false;
        if (j < input.Length && input[j] == (byte)'$')
        {
            intermediate = true;
            j++;
        }

        if (j < input.Length && input[j] is (byte)'(' or (byte)',')
        {
            intermediate = true;
            j++;
        }
        else if (j < input.Length && input[j] is (byte)')' or (byte)'-')
        {
            intermediate = true;
            toG1 = true;
            j++;
        }

        if (j < input.Length && input[j] == (byte)'!')
        {
            j++;
        }

        if (j >= input.Length)
        {
            problems |= Marc8Problems.BadEscape;
            return input.Length;
        }

        var set = input[j] switch
        {
            (byte)'B' or (byte)'s' => BasicLatin,
            (byte)'E' => Ansel,
            (byte)'g' => 2,
            (byte)'b' => 3,
            (byte)'p' => 4,
            (byte)'2' => 5,
            (byte)'N' => 6,
            (byte)'Q' => 7,
            (byte)'3' => 8,
            (byte)'4' => 9,
            (byte)'S' => 10,
            (byte)'1' => Eacc,
            _ => -1,
        };
        if (set < 0)
        {
            // Unknown final character. A full sequence (ESC, intermediate, final) is dropped whole; a lone ESC
            // followed by text is more likely a damaged byte, so only the ESC is dropped and the text is kept.
            problems |= Marc8Problems.BadEscape;
            return intermediate ? j + 1 : start + 1;
        }

        if (toG1)
        {
            g1 = set;
        }
        else
        {
            g0 = set;
        }

        return j + 1;
    }

    private static bool TryReadReference(ReadOnlySpan<byte> text, out int codePoint, out int length)
    {
        codePoint = 0;
        length = 0;
        if (text.Length < 5 || text[1] != (byte)'#' || text[2] is not ((byte)'x' or (byte)'X'))
        {
            return false;
        }

        var end = text[3..].IndexOf((byte)';');
        if (end is < 1 or > 6 || !int.TryParse(text.Slice(3, end), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint))
        {
            return false;
        }

        if (codePoint is 0 or > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            return false;
        }

        length = end + 4;
        return true;
    }

    private static int LookupEacc(int code)
    {
        var index = Marc8Tables.EaccKeys.BinarySearch(code);
        return index < 0 ? 0 : Marc8Tables.EaccValues[index];
    }

    private static int Append(Span<char> output, int o, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            output[o] = (char)codePoint;
            return o + 1;
        }

        var rune = new Rune(codePoint);
        return o + rune.EncodeToUtf16(output[o..]);
    }
}
