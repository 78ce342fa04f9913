using System.Text.Json;
using System.Text.Json.Serialization;
using Lsb.Hub.Adapters.Wise.Dto;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// The opaque cursor of a Wise installation: compact JSON with a position per library organisation and feed, e.g.
/// <c>{"v":1,"libraries":{"5101":{"items":812,"loans":301,"patrons":{…},"deleted":{…}}}}</c>. A library that is not in
/// the cursor (added to the installation later) is read from its start.
/// </summary>
internal sealed record WiseCursor
{
    [JsonPropertyName("v")] public int Version { get; init; } = 1;

    [JsonPropertyName("libraries")] public Dictionary<string, WiseLibraryPosition> Libraries { get; init; } = new(StringComparer.Ordinal);

    public static WiseCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new WiseCursor();
        try
        {
            var cursor = JsonSerializer.Deserialize(text, WiseJsonContext.Default.WiseCursor);
            if (cursor is { Version: 1 }) return cursor with { Libraries = new(cursor.Libraries, StringComparer.Ordinal) };
        }
        catch (JsonException)
        {
            // Fall through to the explanation below.
        }
        throw new ArgumentException($"'{text}' is not a Wise cursor: pass back the NextCursor of a previous page, or null to read from the start.", nameof(text));
    }

    public override string ToString() => JsonSerializer.Serialize(this, WiseJsonContext.Default.WiseCursor);
}
