using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Lsb.Hub.PatronServices;

/// <summary>
/// Configuration section <c>PatronServices</c>: brute-force limits of national patron authentication and the guest
/// accounts guest lending checks copies out to. Validated at start-up. See docs/patron-services.md.
/// </summary>
public sealed class PatronServicesOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PatronServices";

    /// <summary>Failed verifications of one card number allowed within <see cref="CardWindow"/>; the next attempt is
    /// refused with 429 before the home system is asked. Default 9 (the tenth wrong try is refused).</summary>
    [Range(1, 100)]
    public int CardFailureLimit { get; set; } = 9;

    /// <summary>The window over which a card's failures count. Default 15 minutes.</summary>
    public TimeSpan CardWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Verifications (right or wrong) one API key may ask for within <see cref="ClientWindow"/>. Default 600.</summary>
    [Range(1, 1_000_000)]
    public int ClientLimit { get; set; } = 600;

    /// <summary>The window of <see cref="ClientLimit"/>. Default 1 minute.</summary>
    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The card number of the guest account a lending library's system lends to on behalf of members of another
    /// library: <c>{lender}</c> is the lending library's ISIL, <c>{home}</c> the member's home ISIL. The account MUST
    /// exist in the lending system. Default <c>GAST-{lender}-{home}</c>.
    /// </summary>
    public string GuestAccountPattern { get; set; } = "GAST-{lender}-{home}";

    /// <summary>The card number of the guest account for a loan by <paramref name="lender"/> to a member of <paramref name="home"/>.</summary>
    public string GuestAccount(string lender, string home)
        => GuestAccountPattern.Replace("{lender}", lender, StringComparison.Ordinal).Replace("{home}", home, StringComparison.Ordinal);

    private GuestAccountMatcher? _guestAccounts;

    /// <summary>True when <paramref name="cardNumber"/> has the form of <see cref="GuestAccountPattern"/> (any ISILs, case
    /// ignored): ingest then attributes the lending system's loan to the hub's guest loan instead of to the account.</summary>
    public bool IsGuestAccount(string cardNumber)
    {
        ArgumentNullException.ThrowIfNull(cardNumber);
        if (_guestAccounts is not { } matcher || matcher.Pattern != GuestAccountPattern)
        {
            var parts = GuestAccountPattern.Split(["{lender}", "{home}"], StringSplitOptions.None).Select(Regex.Escape);
            matcher = new GuestAccountMatcher(GuestAccountPattern,
                new Regex($"^{string.Join(".+", parts)}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            _guestAccounts = matcher;
        }
        return matcher.Regex.IsMatch(cardNumber.Trim());
    }

    private sealed record GuestAccountMatcher(string Pattern, Regex Regex);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CardWindow < TimeSpan.FromSeconds(1) || CardWindow > TimeSpan.FromDays(1))
            yield return new ValidationResult($"{Section}:CardWindow must be between 00:00:01 and 1.00:00:00; it is {CardWindow}.");
        if (ClientWindow < TimeSpan.FromSeconds(1) || ClientWindow > TimeSpan.FromHours(1))
            yield return new ValidationResult($"{Section}:ClientWindow must be between 00:00:01 and 01:00:00; it is {ClientWindow}.");
        if (string.IsNullOrWhiteSpace(GuestAccountPattern) || !GuestAccountPattern.Contains("{home}", StringComparison.Ordinal))
            yield return new ValidationResult($"{Section}:GuestAccountPattern must contain {{home}} (one guest account per home library), e.g. GAST-{{lender}}-{{home}}.");
        else if (!GuestAccountPattern.Replace("{lender}", "", StringComparison.Ordinal).Replace("{home}", "", StringComparison.Ordinal).Any(char.IsLetterOrDigit))
            yield return new ValidationResult($"{Section}:GuestAccountPattern needs a fixed part besides {{lender}} and {{home}}, e.g. GAST-{{lender}}-{{home}}: " +
                "ingest tells guest accounts from members' cards by it.");
    }
}
