using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>What a hold costs the patron.</summary>
internal sealed record WiseCostDto(
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency);
