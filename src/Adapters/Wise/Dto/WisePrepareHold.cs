using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The answer of <c>prepareHold</c>.</summary>
internal sealed record WisePrepareHold(
    [property: JsonPropertyName("validationErrors")] IReadOnlyList<WiseValidationError>? ValidationErrors,
    [property: JsonPropertyName("holdPossible")] bool HoldPossible,
    [property: JsonPropertyName("pickupLocation")] string? PickupLocation);
