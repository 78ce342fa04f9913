using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>
/// Searches DWH feed events for direct identifiers of people: the names, card numbers, birth dates, streets, full
/// postcodes (with or without the space), e-mail addresses and phone numbers of the people a test world seeded; a
/// person's city in the events about that person; and any full postcode or e-mail address at all (only the four digits
/// of a postcode may leave). Values are compared unescaped, so a name with an accent is found however the JSON escapes
/// it. Names and birth dates are not searched in holding events: a copy's author is a public name, not a member's.
/// </summary>
public static partial class DirectIdentifiers
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{3} ?[A-Z]{2}(?![A-Za-z])")]
    private static partial Regex FullPostcode();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex EmailAddress();

    /// <summary>The DWH pseudonym of a canonical id as docs/dwh.md defines it, computed here without the hub's code:
    /// HMAC-SHA-256 under the test key of "{purpose}:{id}", first 16 bytes, hex, prefixed with the purpose's initial and "p-".</summary>
    public static string Pseudonym(string purpose, string canonicalId)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(HubHost.DwhPseudonymKey), Encoding.UTF8.GetBytes($"{purpose}:{canonicalId}"));
        return $"{purpose[..1]}p-{Convert.ToHexStringLower(mac.AsSpan(0, 16))}";
    }

    /// <summary>Every direct identifier found in <paramref name="events"/>, each described; empty when there is none.
    /// <paramref name="pseudonyms"/>: the member pseudonym of a person by Wise patron id, where known (for the city).</summary>
    public static List<string> Find(IEnumerable<JsonElement> events, IReadOnlyList<PatronPersonalData> people,
        IReadOnlyDictionary<string, string>? pseudonyms = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        var hits = new List<string>();
        foreach (var e in events)
        {
            var type = e.GetProperty("eventType").GetString()!;
            var where = $"position {e.GetProperty("position")} ({type})";
            var text = string.Join('\n', Values(e));
            foreach (Match m in FullPostcode().Matches(text)) hits.Add($"{where}: a full postcode '{m.Value}'");
            foreach (Match m in EmailAddress().Matches(text)) hits.Add($"{where}: an e-mail address '{m.Value}'");
            var aboutCopies = type.StartsWith("Holding", StringComparison.Ordinal);
            var subjects = new[] { e.GetProperty("subject").GetString(), MemberOf(e) };
            foreach (var p in people)
            {
                var who = $"patron {p.PatronSystemId}";
                Check(hits, text, where, $"the card number of {who}", p.CardNumber);
                Check(hits, text, where, $"the phone number of {who}", p.Phone);
                Check(hits, text, where, $"the e-mail address of {who}", p.Email);
                if (p.Postcode is { } postcode)
                {
                    Check(hits, text, where, $"the postcode of {who}", postcode);
                    Check(hits, text, where, $"the postcode of {who}", postcode.Replace(" ", "", StringComparison.Ordinal));
                }
                if (aboutCopies) continue;
                foreach (var name in Names(p)) Check(hits, text, where, $"the name of {who}", name);
                Check(hits, text, where, $"the birth date of {who}", p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Check(hits, text, where, $"the birth date of {who}", p.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
                Check(hits, text, where, $"the street of {who}", p.Street);
                if (pseudonyms is not null && pseudonyms.TryGetValue(p.PatronSystemId, out var pseudonym) && subjects.Contains(pseudonym))
                    Check(hits, text, where, $"the city of {who}, in an event about them", p.City);
            }
        }
        return hits;
    }

    /// <summary>Every string and number in the event, unescaped.</summary>
    private static IEnumerable<string> Values(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                foreach (var value in Values(property.Value)) yield return value;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                foreach (var value in Values(item)) yield return value;
                break;
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Number:
                yield return element.GetRawText();
                break;
        }
    }

    private static string? MemberOf(JsonElement e)
        => e.GetProperty("data").TryGetProperty("memberId", out var member) ? member.GetString() : null;

    private static IEnumerable<string> Names(PatronPersonalData p)
    {
        yield return $"{p.GivenName} {p.FamilyName}";
        yield return $"{p.FamilyName}, {p.GivenName}";
        if (p.NamePrefix is { } prefix) yield return $"{p.GivenName} {prefix} {p.FamilyName}";
    }

    private static void Check(List<string> hits, string text, string where, string what, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && text.Contains(value, StringComparison.OrdinalIgnoreCase)) hits.Add($"{where}: {what} ('{value}')");
    }
}
