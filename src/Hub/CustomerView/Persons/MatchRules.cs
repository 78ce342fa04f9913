namespace Lsb.Hub.CustomerView.Persons;

/// <summary>
/// When two memberships are the same person. Deliberately conservative: a wrong link would show one person's loans to
/// another, a missed link only makes the view incomplete. Names are NEVER compared. See docs/customer-view.md.
/// <list type="number">
/// <item>Both have a national user id: linked if and only if the ids are equal (two different national ids are two
/// people, whatever else they share).</item>
/// <item>Otherwise equal card numbers (at least <see cref="MinimumCardLength"/> characters, compared exactly after
/// trimming) link them, unless both have a birth date and the dates differ.</item>
/// </list>
/// Links are transitive: a person is a connected group of memberships.
/// </summary>
public static class MatchRules
{
    /// <summary>Shorter card numbers are local counters, not national card numbers, and NEVER link.</summary>
    public const int MinimumCardLength = 8;

    /// <summary>The reason <paramref name="a"/> and <paramref name="b"/> are the same person, or null when they are not.</summary>
    public static string? Match(LinkCandidate a, LinkCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var nationalA = Clean(a.NationalUserId);
        var nationalB = Clean(b.NationalUserId);
        if (nationalA is not null && nationalB is not null)
            return string.Equals(nationalA, nationalB, StringComparison.Ordinal) ? LinkReason.NationalUserId : null;
        var cardA = Clean(a.CardNumber);
        var cardB = Clean(b.CardNumber);
        if (cardA is null || cardB is null || cardA.Length < MinimumCardLength || !string.Equals(cardA, cardB, StringComparison.Ordinal))
            return null;
        if (a.BirthDate is not null && b.BirthDate is not null && !string.Equals(a.BirthDate, b.BirthDate, StringComparison.Ordinal))
            return null;
        return LinkReason.CardNumber;
    }

    /// <summary>An identifier as compared: trimmed; empty is none.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
