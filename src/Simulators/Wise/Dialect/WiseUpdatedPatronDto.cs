using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>One entry of <c>updatedpatron</c>: a patron id and when it was last changed.</summary>
internal sealed record WiseUpdatedPatronDto(
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("lastModified")] DateTimeOffset LastModified);
