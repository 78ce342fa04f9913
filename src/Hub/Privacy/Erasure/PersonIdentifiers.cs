namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// The direct identifiers of a person being erased, held in memory only while the erasure runs: what a stored
/// message is searched for. Card numbers, national user ids and e-mail addresses are specific enough to find the
/// person's records among others; names and birth dates are not (many people share them), so they are only checked
/// inside records already found.
/// </summary>
/// <param name="CardNumbers">Card numbers of all the person's memberships.</param>
/// <param name="NationalUserIds">National user ids.</param>
/// <param name="Emails">E-mail addresses.</param>
public sealed record PersonIdentifiers(IReadOnlyList<string> CardNumbers, IReadOnlyList<string> NationalUserIds, IReadOnlyList<string> Emails)
{
    /// <summary>Shorter values match too much by accident and are not searched for.</summary>
    public const int MinimumSearchLength = 6;

    /// <summary>The values that single out the person's records.</summary>
    public IReadOnlyList<string> Searchable { get; } = [.. CardNumbers.Concat(NationalUserIds).Concat(Emails)
        .Select(v => v.Trim()).Where(v => v.Length >= MinimumSearchLength).Distinct(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="text"/> holds one of <see cref="Searchable"/> as a whole token (not inside a
    /// longer number or word).</summary>
    public bool Carries(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in Searchable)
        {
            var start = 0;
            while ((start = text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var before = start == 0 ? ' ' : text[start - 1];
                var after = start + value.Length >= text.Length ? ' ' : text[start + value.Length];
                if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after)) return true;
                start++;
            }
        }
        return false;
    }
}
