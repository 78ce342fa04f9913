using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The error body Wise answers a refused call with.</summary>
internal sealed record WiseError(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage);
