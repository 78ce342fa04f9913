using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A successful patron login.</summary>
internal sealed record WiseAuthentication(
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("libraryId")] string? LibraryId);
