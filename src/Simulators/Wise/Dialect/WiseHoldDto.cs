using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A hold (reservering). Status OPEN or GEANNULEERD.</summary>
internal sealed record WiseHoldDto
{
    [JsonPropertyName("holdId")] public required string HoldId { get; init; }
    [JsonPropertyName("patronSystemId")] public required string PatronSystemId { get; init; }
    [JsonPropertyName("titleNr")] public required string TitleNumber { get; init; }
    [JsonPropertyName("exemplaarId")] public string? ItemId { get; init; }
    [JsonPropertyName("pickupBranchId")] public required string PickupBranchId { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("externalReference")] public string? ExternalReference { get; init; }
}
