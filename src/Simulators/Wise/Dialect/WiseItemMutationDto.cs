using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>One entry of a library's item mutation feed: the copy as it was right after the mutation.</summary>
internal sealed record WiseItemMutationDto(
    [property: JsonPropertyName("mutatienummer")] long Number,
    [property: JsonPropertyName("mutatiedatum")] DateTimeOffset At,
    [property: JsonPropertyName("mutatiesoort")] string Kind,
    [property: JsonPropertyName("exemplaar")] WiseItemDto Item);
