namespace Lsb.Hub.DigitalLoans;

/// <summary>Checks and normalises an e-book identifier: an ISBN-13/EAN-13 or an ISBN-10, with a valid check digit.</summary>
public static class Isbn
{
    /// <summary>The identifier without hyphens or spaces (upper-case X for ISBN-10), or null with <paramref name="error"/>.</summary>
    public static string? Normalise(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "isbn is missing: give the e-book's ISBN-13/EAN-13 (or ISBN-10)."; return null; }
        var value = string.Concat(text.Where(c => c is not '-' and not ' ')).ToUpperInvariant();
        if (value.Length == 13 && !value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            var sum = 0;
            for (var i = 0; i < 12; i++) sum += (value[i] - '0') * (i % 2 == 0 ? 1 : 3);
            if ((10 - sum % 10) % 10 == value[12] - '0') return value;
            error = $"isbn '{text}' has a wrong check digit: check the EAN-13.";
            return null;
        }
        if (value.Length == 10 && !value.AsSpan(0, 9).ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(value[9]) || value[9] == 'X'))
        {
            var sum = 0;
            for (var i = 0; i < 10; i++) sum += (10 - i) * (value[i] == 'X' ? 10 : value[i] - '0');
            if (sum % 11 == 0) return value;
            error = $"isbn '{text}' has a wrong check digit: check the ISBN-10.";
            return null;
        }
        error = $"isbn '{text}' is not an ISBN-13/EAN-13 (13 digits) or an ISBN-10 (9 digits and a digit or X).";
        return null;
    }
}
