using System.Diagnostics.CodeAnalysis;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>Creation, formatting and parsing shared by every <see cref="ICanonicalId{TSelf}"/>.</summary>
public static class CanonicalId
{
    /// <summary>A new id, time-ordered (UUID v7).</summary>
    public static T New<T>() where T : struct, ICanonicalId<T> => T.FromGuid(Uuid7.New());

    /// <summary>The string form <c>{prefix}-{32 hex digits}</c>.</summary>
    public static string Format<T>(T id) where T : struct, ICanonicalId<T> => $"{T.Prefix}-{id.Value:N}";

    /// <summary>Parses the string form; the prefix must match the id type.</summary>
    public static bool TryParse<T>([NotNullWhen(true)] string? text, out T id) where T : struct, ICanonicalId<T>
    {
        id = default;
        if (text is null) return false;
        var prefix = T.Prefix;
        if (text.Length != prefix.Length + 33 || !text.StartsWith(prefix, StringComparison.Ordinal) || text[prefix.Length] != '-')
            return false;
        if (!Guid.TryParseExact(text.AsSpan(prefix.Length + 1), "N", out var guid)) return false;
        id = T.FromGuid(guid);
        return true;
    }

    /// <summary>Parses the string form or throws <see cref="FormatException"/> saying what a valid id looks like.</summary>
    public static T Parse<T>(string? text) where T : struct, ICanonicalId<T>
        => TryParse<T>(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a valid id: expected '{T.Prefix}-' followed by 32 hexadecimal digits.");
}
