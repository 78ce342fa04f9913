using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A successful patron login: a token valid until the end of the day, and the patron's ids.</summary>
internal sealed record WiseAuthenticationDto(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("libraryId")] string LibraryId,
    [property: JsonPropertyName("validUntil")] DateTimeOffset ValidUntil);
