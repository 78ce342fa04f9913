using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Lsb.Hub.Auth;

/// <summary>
/// Configuration section <c>Auth</c>: the API keys. Bound with the options pattern, so environment variables work:
/// <c>Auth__ApiKeys__0__Key</c>, <c>Auth__ApiKeys__0__Scopes__0</c>. Validated at start-up.
/// </summary>
public sealed partial class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The smallest key length accepted.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The configured keys.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var entry = ApiKeys[i];
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Length < MinimumKeyLength)
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Key must have at least {MinimumKeyLength} characters.");
            if (entry.Scopes.Count == 0)
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Scopes is empty: give the key at least one scope (e.g. 'admin' or 'poi:probiblio').");
            foreach (var scope in entry.Scopes)
            {
                if (!ScopePattern().IsMatch(scope))
                    yield return new ValidationResult(
                        $"Auth:ApiKeys:{i}: scope '{scope}' is not known: use admin, dwh, ebook-platform, patron-auth, poi:{{poiId}} or library:{{isil}}.");
            }
        }
        var duplicates = ApiKeys.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0);
        if (duplicates.Any())
            yield return new ValidationResult("Auth:ApiKeys contains the same key twice: every key must be unique.");
    }

    [GeneratedRegex("^(admin|dwh|ebook-platform|patron-auth|poi:[a-z0-9][a-z0-9-]{0,63}|library:[A-Za-z]{1,4}-[A-Za-z0-9:/-]{1,15})$")]
    private static partial Regex ScopePattern();
}
