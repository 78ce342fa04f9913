using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the item mutation feed (the payload of an "item" change).</summary>
internal sealed record WiseItemMutation(
    [property: JsonPropertyName("mutatienummer")] long Number,
    [property: JsonPropertyName("mutatiedatum")] DateTimeOffset At,
    [property: JsonPropertyName("mutatiesoort")] string? Kind,
    [property: JsonPropertyName("exemplaar")] WiseItem Item);
