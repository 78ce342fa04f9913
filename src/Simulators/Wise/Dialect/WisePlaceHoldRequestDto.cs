using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The body of the place-hold call (simulator design; the real path is not public).</summary>
internal sealed record WisePlaceHoldRequestDto
{
    [JsonPropertyName("titleNr")] public string? TitleNumber { get; init; }
    [JsonPropertyName("exemplaarId")] public string? ItemId { get; init; }
    [JsonPropertyName("pickupBranchId")] public string? PickupBranchId { get; init; }
    [JsonPropertyName("externalReference")] public string? ExternalReference { get; init; }
}
