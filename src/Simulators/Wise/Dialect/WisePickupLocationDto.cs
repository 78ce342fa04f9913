using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A branch where a hold can be picked up (<c>locationType</c> "B": branch).</summary>
internal sealed record WisePickupLocationDto(
    [property: JsonPropertyName("branchId")] string BranchId,
    [property: JsonPropertyName("locationType")] string LocationType);
