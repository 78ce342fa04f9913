namespace Lsb.Hub.Holdings;

/// <summary>
/// ISBN normalisation for the union holdings index: every form a library system or a user writes (ISBN-10 or -13, with
/// hyphens or blanks, a trailing qualifier such as "(geb.)", a lower-case x) becomes the 13 digits of the ISBN-13, so
/// lookups match whatever form was stored. An ISBN-10 becomes 978 + its first nine digits + a recomputed check digit;
/// the check digit given is NEVER trusted (library data has wrong ones), so two ISBN-10s that differ only in it meet.
/// </summary>
public static class Isbn
{
    /// <summary>
    /// The ISBN-13 (digits only) of <paramref name="value"/>; for anything that is not 10 or 13 ISBN characters after
    /// cleaning, the cleaned value itself (an EAN or a vendor's odd number still matches its own spelling), or null
    /// when nothing is left.
    /// </summary>
    public static string? Normalise(string? value)
    {
        var cleaned = Clean(value);
        if (cleaned is null) return null;
        return TryToIsbn13(cleaned, out var isbn13) ? isbn13 : cleaned;
    }

    /// <summary>True when <paramref name="value"/> is an ISBN-10 or ISBN-13 (hyphens and blanks allowed); gives the ISBN-13.</summary>
    public static bool TryParse(string? value, out string isbn13)
    {
        isbn13 = "";
        var cleaned = Clean(value);
        return cleaned is not null && TryToIsbn13(cleaned, out isbn13);
    }

    private static bool TryToIsbn13(string cleaned, out string isbn13)
    {
        isbn13 = "";
        if (cleaned.Length == 13 && !cleaned.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            isbn13 = cleaned;
            return true;
        }
        if (cleaned.Length == 10 && !cleaned.AsSpan(0, 9).ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(cleaned[9]) || cleaned[9] == 'X'))
        {
            var twelve = "978" + cleaned[..9];
            isbn13 = twelve + CheckDigit13(twelve);
            return true;
        }
        return false;
    }

    private static char CheckDigit13(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.StartsWith("ISBN", StringComparison.OrdinalIgnoreCase)) text = text[4..].TrimStart(':', ' ');
        var qualifier = text.IndexOfAny(['(', ';', '/']);
        if (qualifier > 0) text = text[..qualifier];
        var chars = text.Where(c => c is not ('-' or ' ' or '\u2010' or '\u2011' or '\u00A0')).Select(char.ToUpperInvariant).ToArray();
        return chars.Length == 0 ? null : new string(chars);
    }
}
