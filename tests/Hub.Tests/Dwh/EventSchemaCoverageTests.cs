using System.Text.Json;
using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>
/// Every canonical event type the hub can log has a DWH schema for its current version in docs/events/, and the schema
/// check fails, naming the file to write, for an event type without one — whether or not a feed test produces it.
/// </summary>
public sealed class EventSchemaCoverageTests
{
    [Fact]
    public void Every_canonical_event_type_Should_have_a_schema_for_its_current_version()
    {
        var schemas = new DwhSchemas();
        var types = typeof(CanonicalEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CanonicalEvent)) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(IblRequestPlaced), types);
        var missing = types
            .Select(t => (t.Name, Version: ((CanonicalEvent)Activator.CreateInstance(t)!).SchemaVersion))
            .Where(t => !File.Exists(schemas.FileOf(t.Name, t.Version)))
            .Select(t => $"docs/events/{t.Name}.v{t.Version}.schema.json").ToList();
        Assert.True(missing.Count == 0, "Event types without a schema; write " + string.Join(", ", missing));
    }

    [Fact]
    public void When_a_feed_event_has_a_type_without_schema_or_a_field_its_schema_does_not_allow_Should_say_so()
    {
        var schemas = new DwhSchemas();
        var unknown = Event("IblRequestRerouted", """{ "requestId": "ip-00000000000000000000000000000000" }""");
        Assert.Contains("write docs/events/IblRequestRerouted.v1.schema.json", schemas.Problem(unknown), StringComparison.Ordinal);

        var valid = Event("IblRequestStateChanged", """
            { "requestId": "ip-00000000000000000000000000000000", "requestingAgency": "NL-0851010000", "from": "Sourcing", "to": "Cancelled", "cause": "borrower" }
            """);
        Assert.Null(schemas.Problem(valid));
        // Free text (a staff member's reason) is not part of the DWH form: a feed event that carried it would not match.
        var withReason = Event("IblRequestStateChanged", """
            { "requestId": "ip-00000000000000000000000000000000", "requestingAgency": "NL-0851010000", "from": "Sourcing", "to": "Cancelled", "cause": "borrower",
              "reason": "mevrouw Jansen heeft het al" }
            """);
        Assert.NotNull(schemas.Problem(withReason));
        var canonicalId = Event("IblRequestStateChanged", """
            { "requestId": "ibl-0194f0c2a4c17d3e9b5a3c2d1e0f4a5b", "requestingAgency": "NL-0851010000", "from": "Sourcing", "to": "Cancelled", "cause": "borrower" }
            """);
        Assert.NotNull(schemas.Problem(canonicalId));
    }

    private static JsonElement Event(string type, string data) => JsonDocument.Parse($$"""
        {
          "position": 7, "eventId": "0194f0c2-a4c1-7d3e-9b5a-3c2d1e0f4a5b", "eventType": "{{type}}", "schemaVersion": 1,
          "subject": "ip-00000000000000000000000000000000", "isil": "NL-0851010000", "sourceSystem": "hub",
          "occurredAt": "2026-11-29T10:00:00+00:00", "recordedAt": "2026-11-29T10:00:01+00:00", "keyVersion": 1, "data": {{data}}
        }
        """).RootElement.Clone();
}
