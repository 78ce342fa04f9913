namespace Lsb.Hub.Holdings;

/// <summary>
/// Normalised forms of the other title identifiers the union holdings index is searched by. A PPN (GGC's record
/// number, nine characters, check character 0-9 or X) is trimmed and upper-cased; an OCLC number loses its
/// <c>(OCoLC)</c>, <c>ocm</c>, <c>ocn</c> or <c>on</c> prefix and leading zeros. NEVER throws: odd values stay searchable as
/// written (trimmed).
/// </summary>
public static class TitleKeys
{
    /// <summary>The PPN as the index stores it, or null.</summary>
    public static string? Ppn(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim().ToUpperInvariant();
        if (text.StartsWith("PPN", StringComparison.Ordinal)) text = text[3..].TrimStart(':', ' ');
        return text.Length == 0 ? null : text;
    }

    /// <summary>The OCLC number as the index stores it (digits without leading zeros), or null.</summary>
    public static string? Oclc(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        foreach (var prefix in new[] { "(OCoLC)", "ocm", "ocn", "on" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..].Trim();
                break;
            }
        }
        if (text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9')) text = text.TrimStart('0');
        return text.Length == 0 ? null : text;
    }
}
