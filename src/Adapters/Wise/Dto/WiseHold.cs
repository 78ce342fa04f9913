using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A placed hold.</summary>
internal sealed record WiseHold(
    [property: JsonPropertyName("holdId")] string HoldId,
    [property: JsonPropertyName("status")] string? Status);
