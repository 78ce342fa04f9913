using System.Text.Json;
using System.Text.Json.Nodes;
using Lsb.Hub.EventLog;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Dwh;

/// <summary>
/// Turns a logged event into its DWH form. Member, loan, person and interlibrary-loan request ids become pseudonyms
/// (purpose "member", "loan", "person", "ibl-request"); fields that could identify a person are dropped even though
/// events are built without them (defence in depth: a future event type that carried one would still not leak); and
/// free text (an IBL request's reason) is dropped, because staff and library systems write it and it can name a person.
/// </summary>
public sealed class DwhEventMapper(Pseudonymizer pseudonyms, IOptions<DwhOptions> options)
{
    private static readonly Dictionary<string, string> PseudonymisedFields = new(StringComparer.Ordinal)
    {
        ["memberId"] = "member",
        ["loanId"] = "loan",
        ["personId"] = "person",
        ["patronId"] = "member",
    };

    private static readonly HashSet<string> ForbiddenFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "givenName", "familyName", "name", "birthDate", "dateOfBirth", "street", "houseNumber", "postcode", "address",
        "city", "email", "phone", "cardNumber", "nationalUserId", "pin", "password",
        // Free text: a cancellation's reason as the borrowing library's staff typed it ("mevrouw Jansen heeft het al"),
        // or a refusal as a library system worded it. The DWH gets the coded state, outcome and cause instead.
        "reason", "note", "message", "comment",
    };

    /// <summary>The DWH form of <paramref name="e"/>.</summary>
    public DwhEvent Map(LoggedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var data = JsonNode.Parse(e.Payload.GetRawText()) as JsonObject ?? [];
        Scrub(data);
        var subject = PurposeOf(e.SubjectId) is { } purpose ? pseudonyms.For(purpose, e.SubjectId) : e.SubjectId;
        return new DwhEvent(e.Position, e.EventId, e.EventType, e.SchemaVersion, subject, e.Isil, e.CurrentIsil, e.SourceSystem,
            e.OccurredAt, e.RecordedAt, options.Value.KeyVersion, data);
    }

    private void Scrub(JsonObject node)
    {
        foreach (var key in node.Select(p => p.Key).ToList())
        {
            if (ForbiddenFields.Contains(key))
            {
                node.Remove(key);
                continue;
            }
            var value = node[key];
            if (PseudonymisedFields.TryGetValue(key, out var purpose) && value is JsonValue v && v.TryGetValue<string>(out var id))
                node[key] = pseudonyms.For(purpose, id);
            else if (value is JsonValue other && other.TryGetValue<string>(out var text) && PurposeOf(text) is { } idPurpose)
                node[key] = pseudonyms.For(idPurpose, text);
            else if (value is JsonObject child)
                Scrub(child);
            else if (value is JsonArray array)
                foreach (var item in array.OfType<JsonObject>()) Scrub(item);
        }
    }

    /// <summary>The pseudonym purpose of a canonical person-related id found under any field name, or null. An IBL
    /// request is person-related: the IBL API shows its id with the member's canonical id, so a clear request id in the
    /// feed would lead from the request's member pseudonym back to the member.</summary>
    private static string? PurposeOf(string value) => value.Length == 36 ? value[..4] switch
    {
        "mbr-" => "member",
        "lon-" => "loan",
        "psn-" => "person",
        "ibl-" => "ibl-request",
        _ => null,
    } : null;

    /// <summary>The JSON of a DWH event (camelCase), one line.</summary>
    public static string ToJson(DwhEvent e) => JsonSerializer.Serialize(e, Infrastructure.HubJson.Options);
}
