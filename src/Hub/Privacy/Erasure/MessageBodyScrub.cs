using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wolverine;
using Wolverine.Runtime.Serialization;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>
/// Cuts a person out of one stored message body: a Wolverine envelope (binary headers + JSON message) or plain JSON.
/// Every array element whose strings carry one of the person's identifiers is removed (a page of ingest changes keeps
/// the other people's changes); when the identifier sits outside any array (a message about that one change), the
/// whole message goes. Anything that cannot be parsed but carries the identifier goes too: privacy before the message.
/// </summary>
public static class MessageBodyScrub
{
    /// <summary>Scrubs <paramref name="body"/>.</summary>
    public static ScrubResult Scrub(byte[] body, PersonIdentifiers person)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(person);
        if (LooksLikeJson(body))
        {
            var json = ScrubJson(body, person);
            return json.Action == ScrubAction.Rewritten && !Verify(json.Body!, person) ? new ScrubResult(ScrubAction.Remove, null) : json;
        }
        Envelope envelope;
        try
        {
            envelope = EnvelopeSerializer.Deserialize(body);
        }
        catch (Exception e) when (e is InvalidEnvelopeException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or EndOfStreamException or FormatException or IOException or OverflowException)
        {
            return new ScrubResult(CarriesAnywhere(body, person) ? ScrubAction.Remove : ScrubAction.Unchanged, null);
        }
        if (envelope.Data is not { Length: > 0 } data) return new ScrubResult(CarriesAnywhere(body, person) ? ScrubAction.Remove : ScrubAction.Unchanged, null);
        var scrubbed = ScrubJson(data, person);
        if (scrubbed.Action != ScrubAction.Rewritten) return scrubbed;
        envelope.Data = scrubbed.Body;
        var rewritten = EnvelopeSerializer.Serialize(envelope);
        return Verify(rewritten, person) ? new ScrubResult(ScrubAction.Rewritten, rewritten) : new ScrubResult(ScrubAction.Remove, null);
    }

    private static ScrubResult ScrubJson(byte[] json, PersonIdentifiers person)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return new ScrubResult(CarriesAnywhere(json, person) ? ScrubAction.Remove : ScrubAction.Unchanged, null);
        }
        if (root is null || !Carries(root, person)) return new ScrubResult(ScrubAction.Unchanged, null);
        CutArrays(root, person);
        if (Carries(root, person)) return new ScrubResult(ScrubAction.Remove, null);
        return new ScrubResult(ScrubAction.Rewritten, Encoding.UTF8.GetBytes(root.ToJsonString()));
    }

    private static void CutArrays(JsonNode node, PersonIdentifiers person)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item && Carries(item, person))
                    {
                        if (item is JsonValue) array.RemoveAt(i);
                        else
                        {
                            CutArrays(item, person);
                            if (Carries(item, person)) array.RemoveAt(i);
                        }
                    }
                }
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                    if (child is not null) CutArrays(child, person);
                break;
        }
    }

    private static bool Carries(JsonNode node, PersonIdentifiers person) => node switch
    {
        JsonValue value => value.GetValueKind() == JsonValueKind.String
            ? person.Carries(value.GetValue<string>()) || Nested(value.GetValue<string>(), person)
            : person.Carries(value.ToJsonString()),
        JsonArray array => array.Any(i => i is not null && Carries(i, person)),
        JsonObject obj => obj.Any(p => person.Carries(p.Key) || p.Value is not null && Carries(p.Value, person)),
        _ => false,
    };

    // A vendor payload travels as JSON text inside a string; its escapes would hide an identifier from a plain search.
    private static bool Nested(string text, PersonIdentifiers person)
    {
        if (text.Length < 2 || text[0] is not '{' and not '[') return false;
        try
        {
            return JsonNode.Parse(text) is { } inner && Carries(inner, person);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Verify(byte[] body, PersonIdentifiers person) => !CarriesAnywhere(body, person);

    private static bool CarriesAnywhere(byte[] body, PersonIdentifiers person) => person.Carries(Encoding.UTF8.GetString(body));

    private static bool LooksLikeJson(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }
}
