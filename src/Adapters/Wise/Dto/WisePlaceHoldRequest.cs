using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The body of the place-hold call.</summary>
internal sealed record WisePlaceHoldRequest(
    [property: JsonPropertyName("titleNr")] string? TitleNumber,
    [property: JsonPropertyName("exemplaarId")] string? ItemId,
    [property: JsonPropertyName("pickupBranchId")] string? PickupBranchId,
    [property: JsonPropertyName("externalReference")] string? ExternalReference);
