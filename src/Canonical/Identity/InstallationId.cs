using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>
/// The id of an ILS installation registered with the hub, chosen by its POI: a lower-case slug such as
/// <c>probiblio-wise</c> (letters, digits and hyphens, 3 to 64 characters, starting with a letter).
/// </summary>
[JsonConverter(typeof(InstallationIdJsonConverter))]
public readonly record struct InstallationId
{
    private InstallationId(string value) => Value = value;

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <summary>Parses a slug or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static InstallationId Parse(string? text)
        => TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses a slug; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out InstallationId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text)) { error = "Installation id is empty: use a lower-case slug such as 'probiblio-wise'."; return false; }
        if (text.Length is < 3 or > 64) { error = $"Installation id '{text}' must have 3 to 64 characters."; return false; }
        if (!char.IsAsciiLetterLower(text[0])) { error = $"Installation id '{text}' must start with a lower-case letter."; return false; }
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                error = $"Installation id '{text}' contains '{c}': use lower-case letters, digits and hyphens only.";
                return false;
            }
        }
        error = null;
        id = new InstallationId(text);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
