using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of <c>updatedpatron</c>.</summary>
internal sealed record WiseUpdatedPatron(
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("lastModified")] DateTimeOffset LastModified);
