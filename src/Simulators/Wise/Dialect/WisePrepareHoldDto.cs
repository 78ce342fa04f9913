using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The answer of <c>prepareHold</c>, with the field names (and the misspelling) of the public docs.</summary>
internal sealed record WisePrepareHoldDto
{
    [JsonPropertyName("validationErrors")] public required IReadOnlyList<WiseValidationErrorDto> ValidationErrors { get; init; }
    [JsonPropertyName("holdPossible")] public required bool HoldPossible { get; init; }
    [JsonPropertyName("pickupLocation")] public string? PickupLocation { get; init; }
    [JsonPropertyName("pickupLocations")] public required IReadOnlyList<WisePickupLocationDto> PickupLocations { get; init; }
    [JsonPropertyName("reserverationCostDetails")] public required WiseCostDto ReservationCostDetails { get; init; }
    [JsonPropertyName("illAllowed")] public required bool IllAllowed { get; init; }
}
