using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the item mutation feed (the payload of an "item" change). Settable members rather than a
/// constructor: the deserializer then fills the record as it reads, without collecting constructor arguments first.</summary>
internal sealed record WiseItemMutation
{
    [JsonPropertyName("mutatienummer")] public long Number { get; init; }
    [JsonPropertyName("mutatiedatum")] public DateTimeOffset At { get; init; }
    [JsonPropertyName("mutatiesoort")] public string? Kind { get; init; }
    [JsonPropertyName("exemplaar")] public WiseItem Item { get; init; } = null!;
}
