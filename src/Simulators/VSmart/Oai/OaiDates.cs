using System.Globalization;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>OAI-PMH UTCdatetime values: <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDThh:mm:ssZ</c> (the repository's granularity).</summary>
internal static class OaiDates
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an argument; <paramref name="seconds"/> tells which granularity it had.</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out bool seconds)
    {
        seconds = text.Length == 20;
        var format = seconds ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd";
        if (text.Length is 10 or 20
            && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
            return true;
        }
        value = default;
        return false;
    }
}
