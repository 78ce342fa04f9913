using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The error body of every refused call (shape assumed: the real one is not public).</summary>
internal sealed record WiseErrorDto(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
