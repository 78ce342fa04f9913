using System.Globalization;

namespace Lsb.Hub.FailedMessages.Store;

/// <summary>Times as the hub's tables store them: ISO 8601 UTC text, which sorts and compares the same on SQLite and PostgreSQL.</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Parse(value);
}
