namespace Lsb.Hub.Marc;

/// <summary>ISO 2709 structural bytes and small parsing helpers shared by reader and writer.</summary>
internal static class Iso2709Bytes
{
    public const byte RecordTerminator = 0x1D;
    public const byte FieldTerminator = 0x1E;
    public const byte SubfieldDelimiter = 0x1F;
    public const int MaxRecordLength = 99_999;
    public const int DirectoryEntryLength = 12;

    private static readonly string[] NumericTags = CreateNumericTags();

    /// <summary>Parses ASCII digits; -1 when any byte is not a digit.</summary>
    public static int ParseDigits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var b in digits)
        {
            var d = b - (byte)'0';
            if ((uint)d > 9)
            {
                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>The tag as a string; the 1,000 numeric tags are shared instances (no allocation per field).</summary>
    public static string Tag(ReadOnlySpan<byte> tag)
    {
        var d0 = tag[0] - (byte)'0';
        var d1 = tag[1] - (byte)'0';
        var d2 = tag[2] - (byte)'0';
        if ((uint)d0 <= 9 && (uint)d1 <= 9 && (uint)d2 <= 9)
        {
            return NumericTags[(d0 * 100) + (d1 * 10) + d2];
        }

        return System.Text.Encoding.Latin1.GetString(tag);
    }

    /// <summary>Filler seen between records in real files: NUL, DOS end-of-file (SUB), blanks and line ends.</summary>
    public static bool IsFiller(byte b) => b is 0x00 or 0x1A or (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t';

    private static string[] CreateNumericTags()
    {
        var tags = new string[1000];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        }

        return tags;
    }
}
