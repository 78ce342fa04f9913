using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>
/// An International Standard Identifier for Libraries (ISO 15511). The hub uses it as the library's key.
/// <para>ISO 15511 form: a prefix (a two-letter ISO 3166 country code, or a 1–4 letter non-country prefix), a hyphen,
/// and a library identifier; at most 16 characters in all, drawn from Latin letters, digits, '-', '/' and ':'.</para>
/// <para>Dutch form: <c>NL-TTRRRRLLLL</c>, ten digits (TT type: 08 public library, 07 POI; RRRR legal entity;
/// LLLL location, 0000 the head office).</para>
/// An ISIL NEVER changes; after a merger a library has an original and a current ISIL, both valid.
/// Comparison is case-insensitive: the value is kept in upper case.
/// </summary>
[JsonConverter(typeof(IsilJsonConverter))]
public readonly record struct Isil : IComparable<Isil>
{
    /// <summary>The most characters an ISIL may have (ISO 15511).</summary>
    public const int MaxLength = 16;

    private Isil(string value) => Value = value;

    /// <summary>The ISIL in canonical (upper-case) form.</summary>
    public string Value { get; }

    /// <summary>True for a Dutch ISIL (<c>NL-</c> prefix).</summary>
    public bool IsDutch => Value.StartsWith("NL-", StringComparison.Ordinal);

    /// <summary>The Dutch type code (<c>08</c> public library, <c>07</c> POI), or null for a non-Dutch ISIL.</summary>
    public string? DutchTypeCode => IsDutch ? Value.Substring(3, 2) : null;

    /// <summary>The Dutch legal-entity digits (RRRR), or null.</summary>
    public string? DutchLegalEntity => IsDutch ? Value.Substring(5, 4) : null;

    /// <summary>The Dutch location digits (LLLL, <c>0000</c> is the head office), or null.</summary>
    public string? DutchLocation => IsDutch ? Value.Substring(9, 4) : null;

    /// <summary>Parses an ISIL, throwing <see cref="FormatException"/> with a message that says what is wrong.</summary>
    public static Isil Parse(string? text)
        => TryParse(text, out var isil, out var error) ? isil : throw new FormatException(error);

    /// <summary>Parses an ISIL; on failure <paramref name="error"/> says what is wrong and what a valid one looks like.</summary>
    public static bool TryParse(string? text, out Isil isil, [NotNullWhen(false)] out string? error)
    {
        isil = default;
        error = Validate(text);
        if (error is not null) return false;
        isil = new Isil(text!.Trim().ToUpperInvariant());
        return true;
    }

    private static string? Validate(string? text)
    {
        const string Example = "expected a prefix, a hyphen and an identifier, e.g. 'NL-0800010000' (Dutch form NL-TTRRRRLLLL) or 'DE-101'";
        if (string.IsNullOrWhiteSpace(text)) return $"ISIL is empty: {Example}.";
        var value = text.Trim();
        if (value.Length > MaxLength)
            return $"ISIL '{value}' has {value.Length} characters; ISO 15511 allows at most {MaxLength}.";
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return $"ISIL '{value}' has no prefix before a hyphen: {Example}.";
        if (dash > 4) return $"ISIL '{value}' has a prefix of {dash} characters; ISO 15511 prefixes have 1 to 4 letters.";
        var prefix = value[..dash];
        foreach (var c in prefix)
            if (!char.IsAsciiLetter(c)) return $"ISIL '{value}' has prefix '{prefix}'; a prefix consists of letters only.";
        var identifier = value[(dash + 1)..];
        if (identifier.Length == 0) return $"ISIL '{value}' has no identifier after the prefix: {Example}.";
        foreach (var c in identifier)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '/' and not ':')
                return $"ISIL '{value}' contains '{c}'; only letters A-Z, digits, '-', '/' and ':' are allowed.";
        if (prefix.Equals("NL", StringComparison.OrdinalIgnoreCase))
        {
            if (identifier.Length != 10 || identifier.AsSpan().ContainsAnyExceptInRange('0', '9'))
                return $"Dutch ISIL '{value}' must be NL- followed by ten digits (NL-TTRRRRLLLL: type, legal entity, location), e.g. 'NL-0800010000'.";
        }
        return null;
    }

    /// <inheritdoc />
    public int CompareTo(Isil other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
