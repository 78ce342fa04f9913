using System.Text.Json;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>The identifier search the feed tests rely on finds each kind of identifier it claims to, and nothing in a clean event.</summary>
public sealed class DirectIdentifiersTests
{
    private const string Pseudonym = "mp-0123456789abcdef0123456789abcdef";

    private static readonly PatronPersonalData Person = new("100017", "2510100000017", "Zoë", "van der", "Bergh", new DateOnly(1984, 2, 29),
        "Zwanenburgwal", "17", "8011 KX", "Hasselterbroek", "zoe.bergh@voorbeeld.nl", "0612345678");

    private static JsonElement Event(string type, string data) => JsonDocument.Parse($$"""
        {
          "position": 42, "eventType": "{{type}}", "subject": "{{Pseudonym}}", "data": {{data}}
        }
        """).RootElement.Clone();

    [Fact]
    public void When_an_event_carries_a_persons_identifiers_Should_name_each_kind()
    {
        var leaking = Event("MemberUpdated", """
            { "memberId": "mp-0123456789abcdef0123456789abcdef", "note": "Zo\u00EB van der Bergh, Zwanenburgwal 17, 8011KX Hasselterbroek, 29-02-1984",
              "contact": "0612345678 zoe.bergh@voorbeeld.nl", "card": "2510100000017", "other": "1234 AB" }
            """);
        var hits = string.Join('\n', DirectIdentifiers.Find([leaking], [Person], new Dictionary<string, string> { ["100017"] = Pseudonym }));
        foreach (var kind in new[] { "card number", "phone number", "e-mail address", "postcode of", "name of", "birth date", "street", "city", "a full postcode '1234 AB'" })
            Assert.Contains(kind, hits, StringComparison.Ordinal);
    }

    [Fact]
    public void When_an_event_carries_only_pseudonyms_and_coarse_values_Should_find_nothing()
    {
        var clean = Event("MemberRegistered", """
            { "memberId": "mp-0123456789abcdef0123456789abcdef", "homeIsil": "NL-0851010000",
              "profile": { "category": "Adult", "status": "Active", "birthYearBand": "1980-1989", "postcodeArea": "8011" } }
            """);
        Assert.Empty(DirectIdentifiers.Find([clean], [Person], new Dictionary<string, string> { ["100017"] = Pseudonym }));
        // A copy's author may share a member's name: names are not searched in holding events.
        var copy = Event("HoldingAdded", """{ "holdingId": "hld-0123456789abcdef0123456789abcdef", "details": { "author": "Zoë Bergh" } }""");
        Assert.Empty(DirectIdentifiers.Find([copy], [Person]));
    }
}
