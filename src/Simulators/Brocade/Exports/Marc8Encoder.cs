using System.Globalization;
using System.Text;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// Unicode → MARC-8 for the characters Dutch library data uses: ASCII as is, letters with diacritics as ANSEL
/// combining marks written BEFORE the base letter (the MARC-8 order), the ANSEL special letters (ø, æ, ß, ł, …), and
/// anything else as a numeric character reference <c>&amp;#xHHHH;</c> (LC's lossless convention, which the hub's
/// Marc8Decoder reads back). No escape sequences: everything stays in G0 ASCII / G1 ANSEL.
/// </summary>
internal static class Marc8Encoder
{
    private static readonly Dictionary<char, byte> Combining = new()
    {
        ['\u0300'] = 0xE1, ['\u0301'] = 0xE2, ['\u0302'] = 0xE3, ['\u0303'] = 0xE4, ['\u0304'] = 0xE5, ['\u0306'] = 0xE6,
        ['\u0307'] = 0xE7, ['\u0308'] = 0xE8, ['\u030C'] = 0xE9, ['\u030A'] = 0xEA, ['\u0327'] = 0xF0, ['\u0328'] = 0xF1,
    };

    private static readonly Dictionary<char, byte> Special = new()
    {
        ['\u0141'] = 0xA1, ['\u00D8'] = 0xA2, ['\u0110'] = 0xA3, ['\u00C6'] = 0xA5, ['\u0152'] = 0xA6, ['\u0142'] = 0xB1,
        ['\u00F8'] = 0xB2, ['\u0111'] = 0xB3, ['\u00E6'] = 0xB5, ['\u0153'] = 0xB6, ['\u0131'] = 0xB8, ['\u00A3'] = 0xB9,
        ['\u00B0'] = 0xC0, ['\u00A9'] = 0xC3, ['\u00BF'] = 0xC5, ['\u00A1'] = 0xC6, ['\u00DF'] = 0xC7, ['\u00AE'] = 0xAA,
    };

    public static void Encode(string text, List<byte> output)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var i = 0;
        while (i < decomposed.Length)
        {
            var baseChar = decomposed[i];
            var end = i + 1;
            while (end < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[end]) == UnicodeCategory.NonSpacingMark) end++;
            var marks = decomposed.AsSpan(i + 1, end - i - 1);
            if (Encodable(baseChar, marks))
            {
                foreach (var mark in marks) output.Add(Combining[mark]);
                output.Add(baseChar < 0x80 ? (byte)baseChar : Special[baseChar]);
            }
            else
            {
                // A character MARC-8 (without escapes) cannot hold: a numeric character reference of the composed form.
                foreach (var rune in decomposed[i..end].Normalize(NormalizationForm.FormC).EnumerateRunes())
                    foreach (var c in $"&#x{rune.Value:X4};") output.Add((byte)c);
            }
            i = end;
        }
    }

    private static bool Encodable(char baseChar, ReadOnlySpan<char> marks)
    {
        if (baseChar >= 0x80 && !Special.ContainsKey(baseChar)) return false;
        if (baseChar < ' ') return false;
        foreach (var mark in marks) if (!Combining.ContainsKey(mark)) return false;
        return true;
    }
}
