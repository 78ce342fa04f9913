using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of the item mutation feed (the payload of an "item" change). Settable members rather than a
/// constructor: the deserializer then fills the record as it reads, without collecting constructor arguments first.</summary>
internal sealed record WiseItemMutation
{
    [JsonPropertyName("mutatienummer")] public long Number { get; set; }
    [JsonPropertyName("mutatiedatum")] public DateTimeOffset At { get; set; }
    [JsonPropertyName("mutatiesoort")] public string? Kind { get; set; }
    [JsonPropertyName("exemplaar")] public WiseItem Item { get; set; } = null!;
}
